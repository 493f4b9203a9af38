import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ReleaseSearchEntry,
  ReleaseSearchEntryPage,
} from '@internal/plugin-release-common';

/** How the search module reaches the release backend. */
export type ReleaseEntriesSource = {
  discovery: DiscoveryService;
  auth: AuthService;
  /** Releases per request. */
  pageSize: number;
};

/**
 * Every release, one page at a time, read from the release backend's
 * `GET /search/documents` with the module's own service credentials. The
 * next page is asked for only when the previous one has been consumed, so
 * no more than a page is held however many releases there are.
 */
export async function* readReleaseEntries(
  source: ReleaseEntriesSource,
): AsyncGenerator<ReleaseSearchEntry[]> {
  const baseUrl = await source.discovery.getBaseUrl('release');
  let after: string | null = null;
  do {
    const { token } = await source.auth.getPluginRequestToken({
      onBehalfOf: await source.auth.getOwnServiceCredentials(),
      targetPluginId: 'release',
    });
    const query = new URLSearchParams({ limit: String(source.pageSize) });
    if (after) query.set('after', after);
    const response = await fetch(`${baseUrl}/search/documents?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const page: ReleaseSearchEntryPage = await response.json();
    yield page.items;
    after = page.nextCursor;
  } while (after);
}
