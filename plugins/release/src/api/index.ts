export { releaseApiRef } from './ReleaseApi';
export type {
  PortfolioWithModels,
  ReleaseApi,
  ReleaseQueryParams,
  ReleaseServiceHealth,
} from './ReleaseApi';
export { ReleaseClient } from './ReleaseClient';
