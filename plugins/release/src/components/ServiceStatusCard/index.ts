export { ServiceStatusCard } from './ServiceStatusCard';
