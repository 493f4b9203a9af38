import {
  formatReleaseNumber,
  OPEN_STATUSES,
  OverdueActivity,
  ReleaseOutcome,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';
import { applyVisibility, ReleaseVisibility } from './permissionFilter';
import { releaseFromRow } from './releaseRows';

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The figures of a portfolio's page for a period
 * (docs/process.md#portfolios-and-release-models).
 */
export class SummaryQueries {
  constructor(private readonly db: Knex) {}

  private releases(portfolioId: string, visibility: ReleaseVisibility) {
    const qb = this.db('releases').where('releases.portfolio_id', portfolioId);
    applyVisibility(qb, visibility);
    return qb;
  }

  async summarize(options: {
    portfolioId: string;
    from: Date;
    to: Date;
    now: Date;
    visibility: ReleaseVisibility;
  }) {
    const { portfolioId, from, to, now, visibility } = options;
    const closedInPeriod = () =>
      this.releases(portfolioId, visibility)
        .where('releases.status', 'closed')
        .whereBetween('releases.closed_at', [from, to]);

    const [
      statusRows,
      outcomeRows,
      leadRows,
      roadmapRows,
      upcomingRows,
      overdueRows,
    ] = await Promise.all([
      this.releases(portfolioId, visibility)
        .where('releases.created_at', '<=', to)
        .where(q =>
          q
            .whereNull('releases.closed_at')
            .orWhere('releases.closed_at', '>=', from),
        )
        .select('releases.status')
        .count({ count: '*' })
        .groupBy('releases.status'),
      closedInPeriod()
        .select('releases.outcome')
        .count({ count: '*' })
        .groupBy('releases.outcome'),
      closedInPeriod()
        .select('releases.created_at', 'releases.closed_at')
        .limit(10_000),
      this.releases(portfolioId, visibility)
        .where('releases.planned_start', '<=', to)
        .where('releases.planned_end', '>=', from)
        .whereNot('releases.status', 'cancelled')
        .orderBy('releases.planned_start')
        .limit(500)
        .select('releases.*'),
      this.releases(portfolioId, visibility)
        .whereIn('releases.status', OPEN_STATUSES as ReleaseStatus[])
        .where('releases.planned_start', '>=', now)
        .orderBy('releases.planned_start')
        .limit(10)
        .select('releases.*'),
      this.releases(portfolioId, visibility)
        .join(
          'release_activities',
          'release_activities.release_id',
          'releases.id',
        )
        .whereIn('releases.status', OPEN_STATUSES as ReleaseStatus[])
        .whereIn('release_activities.status', ['pending', 'in-progress'])
        .where('release_activities.due_at', '<', now)
        .orderBy('release_activities.due_at')
        .limit(50)
        .select(
          'release_activities.*',
          'releases.number as release_number',
          'releases.title as release_title',
        ),
    ]);

    const byStatus: Partial<Record<ReleaseStatus, number>> = {};
    for (const row of statusRows as Array<{
      status: ReleaseStatus;
      count: unknown;
    }>) {
      byStatus[row.status] = Number(row.count);
    }
    const outcomes: Partial<Record<ReleaseOutcome, number>> = {};
    let closed = 0;
    for (const row of outcomeRows as Array<{
      outcome: ReleaseOutcome;
      count: unknown;
    }>) {
      outcomes[row.outcome] = Number(row.count);
      closed += Number(row.count);
    }
    const hours = leadRows
      .map(
        row =>
          (Date.parse(toIso(row.closed_at)!) -
            Date.parse(toIso(row.created_at)!)) /
          3_600_000,
      )
      .sort((a, b) => a - b);

    return {
      byStatus,
      outcomes,
      successRate: closed > 0 ? (outcomes.successful ?? 0) / closed : null,
      leadTimeHours:
        hours.length > 0
          ? {
              average: hours.reduce((sum, h) => sum + h, 0) / hours.length,
              median: median(hours),
              count: hours.length,
            }
          : null,
      roadmap: roadmapRows.map(releaseFromRow),
      upcoming: upcomingRows.map(releaseFromRow),
      overdueActivities: overdueRows.map(
        (row): OverdueActivity => ({
          id: row.id,
          releaseId: row.release_id,
          phase: row.phase,
          title: row.title,
          assignee: row.assignee,
          group: row.assignee_group,
          dueAt: toIso(row.due_at),
          status: row.status,
          releaseNumber: formatReleaseNumber(Number(row.release_number)),
          releaseTitle: row.release_title,
        }),
      ),
    };
  }
}
