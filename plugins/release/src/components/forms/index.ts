export { FormDialog } from './FormDialog';
export { StaleVersionAlert } from './StaleVersionAlert';
