import {
  formatReleaseNumber,
  ReleaseOutcome,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { Period } from '../metrics/periods';
import { Recoveries, ReleaseFact } from '../metrics/releaseFacts';
import { toIso } from './dates';
import { applyVisibility, ReleaseVisibility } from './permissionFilter';

/** At most one of these; none means every release. */
export type MetricsScope = {
  portfolioId?: string;
  entityRef?: string;
  executorGroup?: string;
};

/** Failed releases whose recovery is looked up per statement. */
const RECOVERY_CHUNK = 500;

function millis(value: unknown): number | null {
  const iso = toIso(value);
  return iso === null ? null : Date.parse(iso);
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
 * system and domain (docs/metrics.md#scope). The path is JSON, so a path
 * with every `partOf` step removed must have no step left.
 */
function partOfOnly(qb: Knex.QueryBuilder, alias: string) {
  qb.where(inner =>
    inner
      .where(`${alias}.distance`, 0)
      .orWhereRaw(`replace(${alias}.path, ?, '') not like ?`, [
        '"relation":"partOf"',
        '%"relation":"%',
      ]),
  );
}

/**
 * The reads behind the delivery figures (docs/metrics.md): the releases of
 * a scope executed or closed in a period, and when failed ones were
 * recovered. Filtering happens here, in SQL; the figures are computed from
 * the rows (medians need every value anyway).
 */
export class MetricsQueries {
  constructor(private readonly db: Knex) {}

  /** Releases the caller may read, executed or closed in the period. */
  private inPeriod(period: Period, visibility: ReleaseVisibility) {
    const start = new Date(period.start);
    const end = new Date(period.end);
    const qb = this.db('releases').where(either =>
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
    return qb.select(
      'releases.id',
      'releases.number',
      'releases.title',
      'releases.status',
      'releases.outcome',
      'releases.type',
      'releases.rework_count',
      'releases.created_at',
      'releases.planned_start',
      'releases.actual_start',
      'releases.actual_end',
      'releases.closed_at',
      this.db.raw(
        `case when exists (select 1 from release_external_relations incidents
           where incidents.release_id = releases.id and incidents.kind = 'incident')
         then 1 else 0 end as incident`,
      ),
    );
  }

  /** The releases of one scope over the period. */
  async facts(
    scope: MetricsScope,
    period: Period,
    visibility: ReleaseVisibility,
  ): Promise<ReleaseFact[]> {
    const qb = this.inPeriod(period, visibility);
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
    const qb = this.inPeriod(period, visibility);
    if (dimension === 'executorGroup') {
      qb.whereNotNull('releases.executor_group');
      qb.select('releases.executor_group as key');
    } else {
      qb.join('release_impact as scope', 'scope.release_id', 'releases.id');
      qb.where('scope.kind', 'system');
      partOfOnly(qb, 'scope');
      qb.select('scope.entity_ref as key');
    }
    return (await qb).map(row => ({ key: row.key, fact: factFromRow(row) }));
  }

  /**
   * When each failed release was recovered: the actual end of the first
   * later release closed as successful that shares one of its CIs, before
   * `until`, among the releases the caller may read.
   */
  async recoveries(
    failed: ReleaseFact[],
    until: Date,
    visibility: ReleaseVisibility,
  ): Promise<Recoveries> {
    const recoveries: Recoveries = new Map();
    for (let i = 0; i < failed.length; i += RECOVERY_CHUNK) {
      const ids = failed.slice(i, i + RECOVERY_CHUNK).map(fact => fact.id);
      const qb = this.db('release_ci_relations as failed_ci')
        .join('releases as failed', 'failed.id', 'failed_ci.release_id')
        .join('release_ci_relations as next_ci', join =>
          join
            .on('next_ci.entity_ref', 'failed_ci.entity_ref')
            .andOn('next_ci.release_id', '<>', 'failed_ci.release_id'),
        )
        .join('releases', 'releases.id', 'next_ci.release_id')
        .whereIn('failed_ci.release_id', ids)
        .where('releases.status', 'closed')
        .where('releases.outcome', 'successful')
        .whereRaw('releases.actual_end > failed.actual_end')
        .where('releases.actual_end', '<', until)
        .groupBy('failed_ci.release_id')
        .select('failed_ci.release_id as failed_id')
        .min({ recovered_at: 'releases.actual_end' });
      applyVisibility(qb, visibility);
      for (const row of (await qb) as any[]) {
        recoveries.set(row.failed_id, millis(row.recovered_at)!);
      }
    }
    return recoveries;
  }
}
