import {
  formatReleaseNumber,
  ReleaseOutcome,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { Period } from '../metrics/periods';
import { Recoveries, ReleaseFact } from '../metrics/releaseFacts';
import { epochMillisOf, toIso } from './dates';
import { applyVisibility, ReleaseVisibility } from './permissionFilter';

/** At most one of these; none means every release. */
export type MetricsScope = {
  portfolioId?: string;
  entityRef?: string;
  executorGroup?: string;
};

/**
 * Ids or refs per `in (…)` list: below SQLite's limit of 32,766 bound
 * variables, and large enough that a year of one scope is one statement.
 */
const CHUNK = 5000;

/** A timestamp as epoch milliseconds (see `toIso` for what each database returns). */
function millis(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(toIso(value)!);
}

function factFromRow(row: any): ReleaseFact {
  return {
    id: row.id,
    number: formatReleaseNumber(Number(row.number)),
    title: row.title,
    status: row.status as ReleaseStatus,
    outcome: (row.outcome as ReleaseOutcome | null) ?? null,
    emergency: row.type === 'emergency',
    incident: Number(row.incident) > 0,
    reworkCount: Number(row.rework_count),
    createdAt: millis(row.created_at)!,
    plannedStart: millis(row.planned_start),
    actualStart: millis(row.actual_start),
    actualEnd: millis(row.actual_end),
    closedAt: millis(row.closed_at),
  };
}

/**
 * An impact index row (joined as `alias`) that is the CI itself or is
 * reached from it through `partOf` alone: what the CI is part of, up to its
 * system and domain (docs/metrics.md#scope-and-period).
 */
export function partOfOnly(qb: Knex.QueryBuilder, alias: string) {
  qb.where(`${alias}.part_of`, true);
}

/** The release's own state columns. */
const releaseState = {
  status: 'releases.status',
  closedAt: 'releases.closed_at',
};

/** The release's state as the impact index row joined as `scope` repeats it. */
const scopeState = {
  status: 'scope.release_status',
  closedAt: 'scope.release_closed_at',
};

/**
 * The reads behind the delivery figures (docs/metrics.md): the releases of
 * a scope executed or closed in a period, and when failed ones were
 * recovered. Filtering happens here, in SQL; the figures are computed from
 * the rows (medians need every value anyway).
 */
export class MetricsQueries {
  constructor(private readonly db: Knex) {}

  /** Releases the caller may read, executed or closed in the period. */
  private inPeriod(
    period: Period,
    visibility: ReleaseVisibility,
    /** Where the scope's state columns are, when narrowed by them first. */
    state: { status: string; closedAt: string } = releaseState,
  ) {
    const start = new Date(period.start);
    const end = new Date(period.end);
    // What can count at all, in the indexed state columns: still executed,
    // or closed since the period began (a release is closed after it is
    // executed). Then exactly what counts.
    const candidates = (columns: typeof state) => (qb: Knex.QueryBuilder) =>
      qb
        .where(columns.status, 'executed')
        .orWhere(closed =>
          closed
            .where(columns.status, 'closed')
            .where(columns.closedAt, '>=', start),
        );
    const qb = this.db('releases').where(candidates(state));
    if (state !== releaseState && this.db.client.config.client === 'pg') {
      // Lets PostgreSQL join a busy scope to the period's releases read by
      // state instead of scanning all of them (docs/metrics.md#speed).
      // SQLite, without statistics, would read them for a quiet scope too.
      qb.where(candidates(releaseState));
    }
    qb.where(either =>
      either
        .where(executed =>
          executed
            .whereIn('releases.status', ['executed', 'closed'])
            .where('releases.actual_end', '>=', start)
            .where('releases.actual_end', '<', end),
        )
        .orWhere(closed =>
          closed
            .where('releases.status', 'closed')
            .where('releases.closed_at', '>=', start)
            .where('releases.closed_at', '<', end),
        ),
    );
    applyVisibility(qb, visibility);
    return this.selectFacts(qb);
  }

  /** The columns {@link factFromRow} reads. */
  private selectFacts(qb: Knex.QueryBuilder) {
    return qb.select(
      'releases.id',
      'releases.number',
      'releases.title',
      'releases.status',
      'releases.outcome',
      'releases.type',
      'releases.rework_count',
      epochMillisOf(this.db, 'releases.created_at', 'created_at'),
      epochMillisOf(this.db, 'releases.planned_start', 'planned_start'),
      epochMillisOf(this.db, 'releases.actual_start', 'actual_start'),
      epochMillisOf(this.db, 'releases.actual_end', 'actual_end'),
      epochMillisOf(this.db, 'releases.closed_at', 'closed_at'),
      this.db.raw(
        `case when exists (select 1 from release_external_relations incidents
           where incidents.release_id = releases.id and incidents.kind = 'incident')
         then 1 else 0 end as incident`,
      ),
    );
  }

  /**
   * Other releases closed since `since` that share a CI with the release
   * (its related CIs, not its impact): the failure rate of the risk
   * assessment (docs/risk.md#factors). Every release counts: the
   * assessment is the same whoever reads it.
   */
  async closedOnCis(
    releaseId: string,
    entityRefs: string[],
    since: Date,
  ): Promise<ReleaseFact[]> {
    if (entityRefs.length === 0) return [];
    const qb = this.db('releases')
      .where('releases.status', 'closed')
      .where('releases.closed_at', '>=', since)
      .whereNot('releases.id', releaseId)
      .whereExists(sub =>
        sub
          .select(sub.client.raw('1'))
          .from('release_ci_relations as shared')
          .whereRaw('shared.release_id = releases.id')
          .whereIn('shared.entity_ref', entityRefs.slice(0, CHUNK)),
      )
      .orderBy('releases.closed_at', 'desc');
    return (await this.selectFacts(qb)).map(factFromRow);
  }

  /** The releases of one scope over the period. */
  async facts(
    scope: MetricsScope,
    period: Period,
    visibility: ReleaseVisibility,
  ): Promise<ReleaseFact[]> {
    const qb = this.inPeriod(
      period,
      visibility,
      scope.entityRef ? scopeState : undefined,
    );
    if (scope.portfolioId) {
      qb.where('releases.portfolio_id', scope.portfolioId);
    }
    if (scope.executorGroup) {
      qb.where('releases.executor_group', scope.executorGroup);
    }
    if (scope.entityRef) {
      // Each release has one index row per entity, so it is read once.
      qb.join('release_impact as scope', 'scope.release_id', 'releases.id');
      qb.where('scope.entity_ref', scope.entityRef);
      partOfOnly(qb, 'scope');
    }
    return (await qb).map(factFromRow);
  }

  /**
   * The releases over the period keyed by executor group, or by every
   * system they count for (a release of several systems counts for each).
   */
  async keyedFacts(
    dimension: 'executorGroup' | 'system',
    period: Period,
    visibility: ReleaseVisibility,
  ): Promise<Array<{ key: string; fact: ReleaseFact }>> {
    const qb = this.inPeriod(
      period,
      visibility,
      dimension === 'system' ? scopeState : undefined,
    );
    if (dimension === 'executorGroup') {
      qb.whereNotNull('releases.executor_group');
      qb.select('releases.executor_group as key');
    } else {
      qb.join('release_impact as scope', 'scope.release_id', 'releases.id');
      qb.where('scope.kind', 'system');
      partOfOnly(qb, 'scope');
      qb.select('scope.entity_ref as key');
    }
    return (await qb).map((row: any) => ({
      key: row.key,
      fact: factFromRow(row),
    }));
  }

  /**
   * When each failed release was recovered: the actual end of the first
   * later release closed as successful that shares one of its CIs, before
   * `until`, among the releases the caller may read. For each CI of each
   * failure, the first success after it is one probe of the impact index's
   * CI rows, which repeat when their release succeeded: the cost follows
   * the failures, not the years of successes (docs/metrics.md#speed).
   */
  async recoveries(
    failed: ReleaseFact[],
    until: Date,
    visibility: ReleaseVisibility,
  ): Promise<Recoveries> {
    const recoveries: Recoveries = new Map();
    if (visibility.kind === 'none') return recoveries;
    // The failure's end read by key for each of its CIs: joined instead,
    // PostgreSQL would hash every release to find a few thousand.
    const failureEnd = this.db('releases as failure')
      .select('failure.actual_end')
      .whereRaw('failure.id = failed_ci.release_id');
    const firstSuccess = this.db('release_impact as success')
      .min('success.release_succeeded_at')
      .whereRaw('success.entity_ref = failed_ci.entity_ref')
      // Written out as the partial index says them, so SQLite uses it.
      .whereRaw('success.distance = 0')
      .whereNotNull('success.release_succeeded_at')
      .where('success.release_succeeded_at', '>', failureEnd)
      .where('success.release_succeeded_at', '<', until);
    if (visibility.kind === 'conditional') {
      firstSuccess.join('releases', 'releases.id', 'success.release_id');
      applyVisibility(firstSuccess, visibility);
    }
    for (let i = 0; i < failed.length; i += CHUNK) {
      // A row per CI of each failure; the first of their successes wins.
      const rows = await this.db('release_ci_relations as failed_ci')
        .whereIn(
          'failed_ci.release_id',
          failed.slice(i, i + CHUNK).map(fact => fact.id),
        )
        .select('failed_ci.release_id as id', firstSuccess.as('recovered_at'));
      for (const row of rows) {
        const recoveredAt = millis(row.recovered_at);
        const earlier = recoveries.get(row.id);
        if (
          recoveredAt !== null &&
          (earlier === undefined || recoveredAt < earlier)
        ) {
          recoveries.set(row.id, recoveredAt);
        }
      }
    }
    return recoveries;
  }
}
