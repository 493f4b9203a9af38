export { DesktopSubPage } from './DesktopSubPage';
export { PortfoliosSubPage } from './PortfoliosSubPage';
export {
  CalendarSubPage,
  ClosedSearchSubPage,
  JustificationsSubPage,
} from './ContentSubPages';
