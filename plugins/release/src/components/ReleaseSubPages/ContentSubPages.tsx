import { Content } from '@backstage/core-components';
import { CalendarContent } from '../CalendarPage';
import { ClosedSearchContent } from '../ClosedSearchPage';
import { JustificationAdminContent } from '../JustificationAdminPage';

// The tabs of the new frontend system's release page that hold one page
// each: its content, padded as under a legacy header.

/** The "Closed releases" tab, at `search`. */
export const ClosedSearchSubPage = () => (
  <Content>
    <ClosedSearchContent />
  </Content>
);

/** The "Calendar" tab, at `calendar`. */
export const CalendarSubPage = () => (
  <Content>
    <CalendarContent />
  </Content>
);

/** The "Justifications" tab, at `justifications`. */
export const JustificationsSubPage = () => (
  <Content>
    <JustificationAdminContent />
  </Content>
);
