export { CalendarPage } from './CalendarPage';
export { CalendarContent } from './CalendarContent';
