import {
  ActivityPhase,
  ReleaseActivity,
} from '@internal/plugin-release-common';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { SeededRandom } from './seededRandom';

/**
 * An example release's activities, those of the phases it has finished
 * done, and its CIs (updated). Ids come from the seeded generator, in that
 * order, so the example data is the same at every first start.
 */
export async function insertExampleParts(
  tx: ReleaseRepositories,
  random: SeededRandom,
  parts: {
    releaseId: string;
    activities: ReleaseActivity[];
    donePhases: ActivityPhase[];
    cis: string[];
    /** Who did the finished activities and related the CIs. */
    by: string;
    doneAt: Date;
    relatedAt: Date;
  },
): Promise<void> {
  await tx.activities.insertMany(
    parts.activities.map(template => {
      const activity = { ...template, id: random.uuid() };
      return parts.donePhases.includes(activity.phase)
        ? {
            ...activity,
            status: 'done' as const,
            completedBy: parts.by,
            completedAt: parts.doneAt.toISOString(),
          }
        : activity;
    }),
  );
  await tx.relations.insertMany(
    parts.cis.map(entityRef => ({
      releaseId: parts.releaseId,
      relation: {
        id: random.uuid(),
        kind: 'ci' as const,
        entityRef,
        role: 'updated' as const,
        createdBy: parts.by,
        createdAt: parts.relatedAt.toISOString(),
        missingSince: null,
      },
    })),
  );
}
