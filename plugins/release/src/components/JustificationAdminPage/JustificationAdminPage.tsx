import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { JustificationAdminContent } from './JustificationAdminContent';

/** The justification catalogue with its page header, for the legacy frontend system. */
export const JustificationAdminPage = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('pages.justificationsTitle')}
        subtitle={t('pages.justificationsSubtitle')}
      />
      <Content>
        <JustificationAdminContent />
      </Content>
    </Page>
  );
};
