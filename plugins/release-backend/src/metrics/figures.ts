import {
  DeliveryFigures,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { MetricsSettings } from './metricsSettings';
import { Period, within } from './periods';
import { Recoveries, ReleaseFact } from './releaseFacts';
import { hours, median, percentile, WEEK } from './statistics';

const EXECUTED: ReleaseStatus[] = ['executed', 'closed'];

/**
 * Executed in the period: deployed (actual end in it) and not sent back
 * since. A reworked or reopened release keeps its last actual end until it
 * is executed again, so it counts once, by its latest execution.
 */
export function isExecutedIn(fact: ReleaseFact, period: Period): boolean {
  return EXECUTED.includes(fact.status) && within(fact.actualEnd, period);
}

/** Closed in the period; cancelled releases never are. */
export function isClosedIn(fact: ReleaseFact, period: Period): boolean {
  return fact.status === 'closed' && within(fact.closedAt, period);
}

/** A closed release whose outcome is a failure, whose recovery is measured. */
export function hasFailedOutcome(
  fact: ReleaseFact,
  settings: MetricsSettings,
): boolean {
  return (
    fact.status === 'closed' &&
    fact.actualEnd !== null &&
    fact.outcome !== null &&
    settings.failedOutcomes.includes(fact.outcome)
  );
}

/**
 * A closed release that counts as failed in the change failure rate: a
 * failed outcome, or reworked after execution (docs/metrics.md#the-figures).
 */
export function countsAsFailure(
  fact: ReleaseFact,
  settings: MetricsSettings,
): boolean {
  return (
    (fact.outcome !== null && settings.failedOutcomes.includes(fact.outcome)) ||
    fact.reworkCount > 0
  );
}

/** The figures of the releases in `facts` over `period` (docs/metrics.md). */
export function computeFigures(
  facts: ReleaseFact[],
  period: Period,
  recoveries: Recoveries,
  settings: MetricsSettings,
): DeliveryFigures {
  const executed = facts.filter(fact => isExecutedIn(fact, period));
  const ends = executed.map(fact => fact.actualEnd!).sort((a, b) => a - b);
  const intervals = ends.slice(1).map((end, i) => hours(end - ends[i]));
  const leadTimes = executed.map(fact =>
    hours(fact.actualEnd! - fact.createdAt),
  );
  const slips = executed
    .filter(fact => fact.actualStart !== null && fact.plannedStart !== null)
    .map(fact => hours(fact.actualStart! - fact.plannedStart!));

  const closed = facts.filter(fact => isClosedIn(fact, period));
  const failed = closed.filter(fact => countsAsFailure(fact, settings));
  const recoveryTimes = closed
    .filter(fact => hasFailedOutcome(fact, settings))
    .filter(fact => recoveries.has(fact.id))
    .map(fact => hours(recoveries.get(fact.id)! - fact.actualEnd!));

  const reworked = executed.filter(fact => fact.emergency || fact.incident);
  return {
    executed: executed.length,
    releasesPerWeek: executed.length / ((period.end - period.start) / WEEK),
    medianIntervalHours: median(intervals),
    leadTimeHours: {
      median: median(leadTimes),
      p90: percentile(leadTimes, 0.9),
    },
    windowSlipHours: { median: median(slips) },
    closed: closed.length,
    failed: failed.length,
    changeFailureRate: closed.length > 0 ? failed.length / closed.length : null,
    recovered: recoveryTimes.length,
    recoveryHours: { median: median(recoveryTimes) },
    reworked: reworked.length,
    reworkRate: executed.length > 0 ? reworked.length / executed.length : null,
  };
}
