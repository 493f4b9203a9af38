import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ClosedReleaseSearchResult,
  closedSearchQuerySchema,
  Release,
  ReleaseSearchEntryPage,
  searchDocumentsQuerySchema,
} from '@internal/plugin-release-common';
import { z } from 'zod';
import { releasesToCsv } from './csv';
import { parseInput } from './parseInput';
import { ServiceContext } from './ServiceContext';

const calendarQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

/** Rows a CSV export holds at most. */
const CSV_LIMIT = 10_000;

/**
 * Advanced search of closed releases
 * (docs/process.md#advanced-search-of-closed-releases), the forward schedule
 * and the releases for the portal's search index.
 */
export class SearchService {
  constructor(private readonly context: ServiceContext) {}

  async searchClosed(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<ClosedReleaseSearchResult> {
    const parsed = parseInput(closedSearchQuerySchema, query);
    const visibility = await this.context.authorizer.visibility(credentials);
    return this.context.store.queries.searchClosed(parsed, visibility);
  }

  /** Every match (up to a cap), whatever the page, as CSV. */
  async exportClosed(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const parsed = parseInput(closedSearchQuerySchema, query);
    const visibility = await this.context.authorizer.visibility(credentials);
    const result = await this.context.store.queries.searchClosed(
      parsed,
      visibility,
      { limit: CSV_LIMIT, offset: 0 },
    );
    return releasesToCsv(result.items, parsed.language);
  }

  /**
   * A page of releases for the portal's search index, in release number
   * order, with their CIs and portfolio name; only the releases the caller
   * may read (the search collator reads them all with its service
   * credentials).
   */
  async documents(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseSearchEntryPage> {
    const page = parseInput(searchDocumentsQuerySchema, query);
    const visibility = await this.context.authorizer.visibility(credentials);
    return this.context.store.searchEntries.page(page, visibility);
  }

  async calendar(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<Release[]> {
    const { from, to } = parseInput(calendarQuerySchema, query);
    const visibility = await this.context.authorizer.visibility(credentials);
    return this.context.store.queries.calendar(
      new Date(from),
      new Date(to),
      visibility,
    );
  }
}
