export { FormDialog } from './FormDialog';
export { SelectField, sameLabels } from './SelectField';
export type { SelectOptions } from './SelectField';
export { StaleVersionAlert } from './StaleVersionAlert';
