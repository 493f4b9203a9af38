export { EntityReleaseDeliveryCard } from './EntityReleaseDeliveryCard';
