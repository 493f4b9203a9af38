/**
 * The values in ascending order, in a new array. A typed array sorts
 * numbers natively, several times faster than a comparator.
 */
export function sortNumbers(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** The middle value (the mean of the two middle ones); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = sortNumbers(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The nearest-rank percentile: the smallest value that `share` of the values
 * do not exceed (docs/metrics.md#lead-time); null for none.
 */
export function percentile(values: number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = sortNumbers(values);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

export const HOUR = 3_600_000;
export const WEEK = 7 * 24 * HOUR;

/** Milliseconds as hours. */
export function hours(milliseconds: number): number {
  return milliseconds / HOUR;
}
