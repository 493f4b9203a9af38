import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { ReleaseDesktopContent } from './ReleaseDesktopContent';

/** The release desktop with its page header, for the legacy frontend system. */
export const ReleaseDesktop = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('desktop.pageTitle')}
        subtitle={t('desktop.pageSubtitle')}
      />
      <Content>
        <ReleaseDesktopContent />
      </Content>
    </Page>
  );
};
