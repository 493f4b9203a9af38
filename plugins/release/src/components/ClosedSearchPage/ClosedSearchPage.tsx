import { Content, Header, Page } from '@backstage/core-components';
import { ClosedSearchContent } from './ClosedSearchContent';

/** The advanced search of closed releases with its page header, for the legacy frontend system. */
export const ClosedSearchPage = () => (
  <Page themeId="tool">
    <Header title="Closed releases" subtitle="Advanced search" />
    <Content>
      <ClosedSearchContent />
    </Content>
  </Page>
);
