import { Content, Header, Page } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { releaseTranslationRef } from '../../translations';
import { PortfolioListContent } from './PortfolioListContent';

/** The release portfolios with their page header, for the legacy frontend system. */
export const PortfolioListPage = () => {
  const { t } = useTranslationRef(releaseTranslationRef);
  return (
    <Page themeId="tool">
      <Header
        title={t('pages.portfoliosTitle')}
        subtitle={t('pages.portfoliosSubtitle')}
      />
      <Content>
        <PortfolioListContent />
      </Content>
    </Page>
  );
};
