export { JustificationAdminPage } from './JustificationAdminPage';
