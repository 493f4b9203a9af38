export { ClosedSearchPage } from './ClosedSearchPage';
export { ClosedSearchContent } from './ClosedSearchContent';
