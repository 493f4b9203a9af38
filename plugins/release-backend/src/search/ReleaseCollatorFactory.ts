import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  RELEASE_SEARCH_TYPE,
  releaseReadPermission,
} from '@internal/plugin-release-common';
import { Readable } from 'node:stream';
import { readReleaseEntries } from './readReleaseEntries';
import { IndexableReleaseDocument, toReleaseDocument } from './releaseDocument';

/** Releases per request to the release backend. */
const DEFAULT_PAGE_SIZE = 500;

/**
 * Collates every release (open, closed and cancelled) into the search index
 * as documents of type `release`. Search results are shown only to readers
 * the permission framework allows `release.read` on the release.
 *
 * @internal
 */
export class ReleaseCollatorFactory implements DocumentCollatorFactory {
  readonly type = RELEASE_SEARCH_TYPE;
  readonly visibilityPermission = releaseReadPermission;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** Releases per request; default 500. */
      pageSize?: number;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<IndexableReleaseDocument> {
    const pages = readReleaseEntries({
      discovery: this.options.discovery,
      auth: this.options.auth,
      pageSize: this.options.pageSize ?? DEFAULT_PAGE_SIZE,
    });
    for await (const entries of pages) {
      for (const entry of entries) {
        yield toReleaseDocument(entry);
      }
    }
  }
}
