export { ClosedSearchPage } from './ClosedSearchPage';
