export { releaseApiRef } from './ReleaseApi';
export type { ReleaseApi, ReleaseServiceHealth } from './ReleaseApi';
export { ReleaseClient } from './ReleaseClient';
