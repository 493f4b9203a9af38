import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '@internal/plugin-release/alpha';

const ReleasesTabLabel = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return <>{t('entityTab.tabTitle')}</>;
};

/**
 * The entity page's "Releases" tab label in the user's language. A route's
 * `title` is a plain string fixed when the page is built; the tab's own
 * `label` overrides it where it shows.
 */
export const releasesTabProps = { label: <ReleasesTabLabel /> };
