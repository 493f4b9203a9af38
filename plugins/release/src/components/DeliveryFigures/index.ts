export { DeliverySection } from './DeliverySection';
export { HeadlineFigures } from './HeadlineFigures';
export { LevelChip } from './LevelChip';
export { PeriodSelect } from './PeriodSelect';
export { deliveryRange } from './deliveryPeriods';
export type { DeliveryPeriod } from './deliveryPeriods';
export { figureTexts } from './figureTexts';
