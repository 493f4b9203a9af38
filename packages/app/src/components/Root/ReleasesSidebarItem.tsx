import { SidebarItem } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '@internal/plugin-release/alpha';
import ReleaseIcon from '@material-ui/icons/NewReleases';

/** The sidebar's way to the release desktop, named in the user's language. */
export const ReleasesSidebarItem = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <SidebarItem icon={ReleaseIcon} to="release" text={t('common.releases')} />
  );
};
