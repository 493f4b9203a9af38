export { ReleaseDetailsPage } from './ReleaseDetailsPage';
export { ReleaseDetailsContent } from './ReleaseDetailsContent';
