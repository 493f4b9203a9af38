export { RegisterReleaseDialog } from './RegisterReleaseDialog';
