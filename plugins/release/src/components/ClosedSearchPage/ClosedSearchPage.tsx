import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { ClosedSearchContent } from './ClosedSearchContent';

/** The advanced search of closed releases with its page header, for the legacy frontend system. */
export const ClosedSearchPage = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('pages.closedTitle')}
        subtitle={t('pages.closedSubtitle')}
      />
      <Content>
        <ClosedSearchContent />
      </Content>
    </Page>
  );
};
