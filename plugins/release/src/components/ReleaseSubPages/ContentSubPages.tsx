import { Content } from '@backstage/core-components';
import { CalendarContent } from '../CalendarPage';
import { ClosedSearchContent } from '../ClosedSearchPage';
import { DeliveryComparisonContent } from '../DeliveryPage';
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

/** The "Delivery" tab, at `delivery`. */
export const DeliverySubPage = () => (
  <Content>
    <DeliveryComparisonContent />
  </Content>
);

/** The "Justifications" tab, at `justifications`. */
export const JustificationsSubPage = () => (
  <Content>
    <JustificationAdminContent />
  </Content>
);
