export { DeliveryPage } from './DeliveryPage';
export { DeliveryComparisonContent } from './DeliveryComparisonContent';
