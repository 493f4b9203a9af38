import { Content, Header, Page } from '@backstage/core-components';
import { ReleaseDesktopContent } from './ReleaseDesktopContent';

/** The release desktop with its page header, for the legacy frontend system. */
export const ReleaseDesktop = () => (
  <Page themeId="tool">
    <Header
      title="Release management"
      subtitle="Register, plan, deploy and close releases of the catalog's components"
    />
    <Content>
      <ReleaseDesktopContent />
    </Content>
  </Page>
);
