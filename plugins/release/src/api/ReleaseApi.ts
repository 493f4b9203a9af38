import { createApiRef } from '@backstage/core-plugin-api';

/**
 * What `GET /api/release/health` reports.
 *
 * @public
 */
export type ReleaseServiceHealth = {
  status: 'ok' | 'unavailable';
  database: boolean;
};

/**
 * Client of the release backend's REST API.
 *
 * @public
 */
export interface ReleaseApi {
  getHealth(): Promise<ReleaseServiceHealth>;
}

/** @public */
export const releaseApiRef = createApiRef<ReleaseApi>({
  id: 'plugin.release.api',
});
