import { Content, Header, Page } from '@backstage/core-components';
import { CalendarContent } from './CalendarContent';

/** The release calendar with its page header, for the legacy frontend system. */
export const CalendarPage = () => (
  <Page themeId="tool">
    <Header
      title="Release calendar"
      subtitle="Planned windows: the forward schedule of releases"
    />
    <Content>
      <CalendarContent />
    </Content>
  </Page>
);
