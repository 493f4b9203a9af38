import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ReleaseApi, ReleaseServiceHealth } from './ReleaseApi';

/**
 * {@link ReleaseApi} over HTTP, authenticated by the app's fetch API.
 *
 * @public
 */
export class ReleaseClient implements ReleaseApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<ReleaseServiceHealth> {
    const response = await this.request('/health');
    // The health endpoint answers 503 with a body when the database is down.
    if (response.status === 503) {
      return (await response.json()) as ReleaseServiceHealth;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ReleaseServiceHealth;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('release');
    return this.fetchApi.fetch(`${baseUrl}${path}`, init);
  }
}
