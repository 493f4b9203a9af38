export { DesktopSubPage } from './DesktopSubPage';
export { PortfoliosSubPage } from './PortfoliosSubPage';
export {
  CalendarSubPage,
  ClosedSearchSubPage,
  DeliverySubPage,
  JustificationsSubPage,
} from './ContentSubPages';
