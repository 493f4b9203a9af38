import { MetricsBucket } from '@internal/plugin-release-common';
import { fieldError } from '../service/parseInput';

/** A half-open period `[start, end)` in epoch milliseconds. */
export type Period = { start: number; end: number };

/** Buckets a trend may have; more is a request for a mistake. */
const MAX_BUCKETS = 600;

/** The period asked for: by default the twelve months before now. */
export function resolvePeriod(
  query: { from?: string; to?: string },
  now: Date,
): Period {
  const end = query.to ? Date.parse(query.to) : now.getTime();
  const yearBefore = new Date(end);
  yearBefore.setUTCMonth(yearBefore.getUTCMonth() - 12);
  const start = query.from ? Date.parse(query.from) : yearBefore.getTime();
  if (start >= end) {
    // Only when `to` is left to default to now: the schema checks both.
    throw fieldError('from', 'must be before to (default: now)');
  }
  return { start, end };
}

/** The first calendar boundary (UTC; weeks start on Monday) after `time`. */
function nextBoundary(time: number, bucket: MetricsBucket): number {
  const date = new Date(time);
  if (bucket === 'month') {
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  const daysToMonday = (8 - date.getUTCDay()) % 7 || 7;
  return Date.UTC(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate() + daysToMonday,
  );
}

/**
 * The period cut at calendar weeks or months (UTC), so buckets line up
 * whatever the period; the first and last are cut at its ends.
 */
export function cutIntoBuckets(
  period: Period,
  bucket: MetricsBucket,
): Period[] {
  const buckets: Period[] = [];
  for (let start = period.start; start < period.end; ) {
    const end = Math.min(nextBoundary(start, bucket), period.end);
    buckets.push({ start, end });
    if (buckets.length > MAX_BUCKETS) {
      throw fieldError(
        'bucket',
        `gives more than ${MAX_BUCKETS} buckets for this period; ask for a shorter period or a longer bucket`,
      );
    }
    start = end;
  }
  return buckets;
}

/** Whether a time (epoch milliseconds) falls in the period. */
export function within(time: number | null, period: Period): boolean {
  return time !== null && time >= period.start && time < period.end;
}
