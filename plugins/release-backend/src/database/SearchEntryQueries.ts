import {
  formatReleaseNumber,
  Priority,
  ReleaseSearchEntry,
  ReleaseSearchEntryPage,
  ReleaseStatus,
  ReleaseType,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';
import { applyVisibility, ReleaseVisibility } from './permissionFilter';

/**
 * Releases for the portal's search index, a page at a time in release number
 * order: keyset pagination on the unique `number`, so a full scan is stable
 * while releases are registered and each page costs the same however deep.
 */
export class SearchEntryQueries {
  constructor(private readonly db: Knex) {}

  async page(
    page: { after?: number; limit: number },
    visibility: ReleaseVisibility,
  ): Promise<ReleaseSearchEntryPage> {
    const qb = this.db('releases')
      .leftJoin(
        'release_portfolios',
        'release_portfolios.id',
        'releases.portfolio_id',
      )
      .select(
        'releases.id',
        'releases.number',
        'releases.title',
        'releases.description',
        'releases.business_justification',
        'releases.status',
        'releases.type',
        'releases.priority',
        'releases.planned_start',
        'releases.planned_end',
        'releases.closed_at',
        { portfolio_name: 'release_portfolios.name' },
      )
      .orderBy('releases.number')
      // One more than asked tells whether another page follows.
      .limit(page.limit + 1);
    if (page.after !== undefined) {
      qb.where('releases.number', '>', page.after);
    }
    applyVisibility(qb, visibility);
    const rows = await qb;

    const pageRows = rows.slice(0, page.limit);
    const entityRefs = await this.entityRefsOf(pageRows.map(row => row.id));
    const items = pageRows.map(
      (row): ReleaseSearchEntry => ({
        id: row.id,
        number: formatReleaseNumber(Number(row.number)),
        title: row.title,
        description: row.description,
        businessJustification: row.business_justification,
        status: row.status as ReleaseStatus,
        type: row.type as ReleaseType,
        priority: Number(row.priority) as Priority,
        plannedStart: toIso(row.planned_start),
        plannedEnd: toIso(row.planned_end),
        closedAt: toIso(row.closed_at),
        portfolioName: row.portfolio_name ?? null,
        entityRefs: entityRefs.get(row.id) ?? [],
      }),
    );
    const last = pageRows[pageRows.length - 1];
    return {
      items,
      nextCursor:
        rows.length > page.limit && last ? String(Number(last.number)) : null,
    };
  }

  /** The CIs of a page of releases, each release's sorted. */
  private async entityRefsOf(
    releaseIds: string[],
  ): Promise<Map<string, string[]>> {
    const byRelease = new Map<string, string[]>();
    if (releaseIds.length === 0) {
      return byRelease;
    }
    const rows = await this.db('release_ci_relations')
      .whereIn('release_id', releaseIds)
      .orderBy(['release_id', 'entity_ref'])
      .select('release_id', 'entity_ref');
    for (const row of rows) {
      const refs = byRelease.get(row.release_id) ?? [];
      refs.push(row.entity_ref);
      byRelease.set(row.release_id, refs);
    }
    return byRelease;
  }
}
