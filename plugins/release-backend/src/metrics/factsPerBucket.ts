import { Period } from './periods';
import { ReleaseFact } from './releaseFacts';

/** The bucket `time` falls in, by binary search; -1 for none. */
function bucketOf(time: number | null, buckets: Period[]): number {
  if (time === null) return -1;
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (time < buckets[middle].start) high = middle - 1;
    else if (time >= buckets[middle].end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/**
 * The facts that may count in each bucket: those whose actual end or
 * closing time falls in it, each once. The figures of a bucket then read
 * its own releases instead of a year of them (docs/metrics.md#speed).
 */
export function factsPerBucket(
  facts: ReleaseFact[],
  buckets: Period[],
): ReleaseFact[][] {
  const perBucket = buckets.map((): ReleaseFact[] => []);
  for (const fact of facts) {
    const executedIn = bucketOf(fact.actualEnd, buckets);
    const closedIn = bucketOf(fact.closedAt, buckets);
    if (executedIn >= 0) perBucket[executedIn].push(fact);
    if (closedIn >= 0 && closedIn !== executedIn)
      perBucket[closedIn].push(fact);
  }
  return perBucket;
}
