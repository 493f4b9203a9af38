import {
  DeliveryFigures,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { MetricsSettings } from './metricsSettings';
import { Period, within } from './periods';
import { Recoveries, ReleaseFact } from './releaseFacts';
import { hours, median, percentile, sortNumbers, WEEK } from './statistics';

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

/**
 * The figures of the releases in `facts` over `period` (docs/metrics.md).
 * One pass over the facts, as it runs once per bucket over a year of a
 * scope's releases (docs/metrics.md#speed).
 */
export function computeFigures(
  facts: ReleaseFact[],
  period: Period,
  recoveries: Recoveries,
  settings: MetricsSettings,
): DeliveryFigures {
  const ends: number[] = [];
  const leadTimes: number[] = [];
  const slips: number[] = [];
  let reworked = 0;
  let closed = 0;
  let failed = 0;
  const recoveryTimes: number[] = [];
  for (const fact of facts) {
    if (isExecutedIn(fact, period)) {
      ends.push(fact.actualEnd!);
      leadTimes.push(hours(fact.actualEnd! - fact.createdAt));
      if (fact.actualStart !== null && fact.plannedStart !== null) {
        slips.push(hours(fact.actualStart - fact.plannedStart));
      }
      if (fact.emergency || fact.incident) reworked += 1;
    }
    if (isClosedIn(fact, period)) {
      closed += 1;
      if (countsAsFailure(fact, settings)) failed += 1;
      const recoveredAt = hasFailedOutcome(fact, settings)
        ? recoveries.get(fact.id)
        : undefined;
      if (recoveredAt !== undefined) {
        recoveryTimes.push(hours(recoveredAt - fact.actualEnd!));
      }
    }
  }
  const executed = ends.length;
  const sortedEnds = sortNumbers(ends);
  const intervals = new Array<number>(Math.max(0, executed - 1));
  for (let i = 1; i < executed; i++) {
    intervals[i - 1] = hours(sortedEnds[i] - sortedEnds[i - 1]);
  }
  return {
    executed,
    releasesPerWeek: executed / ((period.end - period.start) / WEEK),
    medianIntervalHours: median(intervals),
    leadTimeHours: {
      median: median(leadTimes),
      p90: percentile(leadTimes, 0.9),
    },
    windowSlipHours: { median: median(slips) },
    closed,
    failed,
    changeFailureRate: closed > 0 ? failed / closed : null,
    recovered: recoveryTimes.length,
    recoveryHours: { median: median(recoveryTimes) },
    reworked,
    reworkRate: executed > 0 ? reworked / executed : null,
  };
}
