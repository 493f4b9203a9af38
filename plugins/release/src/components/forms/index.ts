export { StaleVersionAlert } from './StaleVersionAlert';
