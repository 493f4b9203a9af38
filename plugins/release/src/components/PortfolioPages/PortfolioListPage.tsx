import { Content, Header, Page } from '@backstage/core-components';
import { PortfolioListContent } from './PortfolioListContent';

/** The release portfolios with their page header, for the legacy frontend system. */
export const PortfolioListPage = () => (
  <Page themeId="tool">
    <Header
      title="Release portfolios"
      subtitle="Releases grouped per product line or platform"
    />
    <Content>
      <PortfolioListContent />
    </Content>
  </Page>
);
