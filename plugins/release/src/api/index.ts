export { releaseApiRef } from './ReleaseApi';
export type {
  DeliveryMetricsParams,
  PortfolioWithModels,
  ReleaseApi,
  ReleaseQueryParams,
  ReleaseServiceHealth,
} from './ReleaseApi';
export { ReleaseClient } from './ReleaseClient';
