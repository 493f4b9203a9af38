export { JustificationAdminPage } from './JustificationAdminPage';
export { JustificationAdminContent } from './JustificationAdminContent';
