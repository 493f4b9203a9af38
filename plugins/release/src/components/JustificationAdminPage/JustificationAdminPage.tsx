import { Content, Header, Page } from '@backstage/core-components';
import { JustificationAdminContent } from './JustificationAdminContent';

/** The justification catalogue with its page header, for the legacy frontend system. */
export const JustificationAdminPage = () => (
  <Page themeId="tool">
    <Header
      title="Justification catalogue"
      subtitle="Standard reasons to suspend, cancel and reopen releases"
    />
    <Content>
      <JustificationAdminContent />
    </Content>
  </Page>
);
