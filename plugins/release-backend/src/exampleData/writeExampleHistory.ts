import { formatReleaseNumber, Release } from '@internal/plugin-release-common';
import { impactReleaseState } from '../database/ImpactRepository';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { HistoricalRelease } from './exampleHistory';

/**
 * Writes the example history in the seeding transaction, each table in a
 * few statements: numbers come from the store's counter in one step, in the
 * order the releases were registered, so later registrations follow them.
 * Returns the releases as written.
 */
export async function writeExampleHistory(
  tx: ReleaseRepositories,
  history: HistoricalRelease[],
): Promise<Release[]> {
  if (history.length === 0) return [];
  const first = await tx.releases.allocateNumbers(history.length);
  const numbered = history.map((item, index) => ({
    ...item,
    sequence: first + index,
    release: {
      ...item.release,
      number: formatReleaseNumber(first + index),
    } as Release,
  }));
  await tx.releases.insertMany(numbered);
  await tx.activities.insertMany(numbered.flatMap(item => item.activities));
  await tx.relations.insertMany(
    numbered.flatMap(item =>
      item.relations.map(relation => ({
        releaseId: item.release.id,
        relation,
      })),
    ),
  );
  await tx.history.appendMany(numbered.flatMap(item => item.history));
  // The impact index, as a walk of the catalog would have left it, so the
  // entity pages list these releases before the catalog is read.
  await tx.impact.insertMany(
    numbered.flatMap(({ release, sequence, impact }) => {
      const state = impactReleaseState({
        status: release.status,
        number: sequence,
        planned_start: release.plannedStart
          ? new Date(release.plannedStart)
          : null,
        closed_at: release.closedAt ? new Date(release.closedAt) : null,
        outcome: release.outcome,
        actual_end: release.actualEnd ? new Date(release.actualEnd) : null,
      });
      return impact.map(entity => ({
        releaseId: release.id,
        entity,
        state,
      }));
    }),
  );
  return numbered.map(item => item.release);
}
