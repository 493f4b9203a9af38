import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ActivityPhase,
  FieldChange,
  createActivitySchema,
  Release,
  ReleaseActivity,
  ReleaseStatus,
  updateActivitySchema,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { actorOf } from './audit';
import {
  authorizeReleaseUpdate,
  PartChange,
  recordChange,
  runReleaseChange,
} from './releaseChanges';
import { diffFields } from './historyChanges';
import { fieldError, parseInput } from './parseInput';
import { isUuid, ServiceContext } from './ServiceContext';

// Planning activities change only while planning; deployment activities are
// prepared until deployment and worked during it
// (docs/process.md#planning-and-deployment-activities).
const editableIn: Record<ActivityPhase, readonly ReleaseStatus[]> = {
  planning: ['registered', 'planning'],
  deployment: ['registered', 'planning', 'authorized', 'deployment'],
};
const workedIn: Record<ActivityPhase, readonly ReleaseStatus[]> = {
  planning: ['registered', 'planning'],
  deployment: ['deployment'],
};

function assertEditable(release: Release, phase: ActivityPhase, work: boolean) {
  const allowed = (work ? workedIn : editableIn)[phase];
  if (!allowed.includes(release.status)) {
    throw new ConflictError(
      `${release.number} is ${release.status}: ${phase} activities can be ${
        work ? 'worked' : 'changed'
      } only while it is ${allowed.join(' or ')}`,
    );
  }
}

/**
 * Planning and deployment activities
 * (docs/process.md#planning-and-deployment-activities).
 */
export class ActivityService {
  constructor(private readonly context: ServiceContext) {}

  async add(
    releaseId: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseActivity> {
    const input = parseInput(createActivitySchema, body);
    await this.authorize(releaseId, credentials);
    return this.run(
      'release-activity-add',
      releaseId,
      credentials,
      async (tx, current) => {
        assertEditable(current, input.phase, false);
        const at = this.context.now();
        const count = await tx.activities.countInPhase(releaseId, input.phase);
        const position = Math.min(input.position ?? count, count);
        await tx.activities.shiftFrom(releaseId, input.phase, position, 1);
        const activity: ReleaseActivity = {
          id: randomUUID(),
          releaseId,
          phase: input.phase,
          position,
          title: input.title,
          description: input.description ?? '',
          assignee: input.assignee ?? null,
          group: input.group ?? null,
          dueAt: input.dueAt ?? null,
          status: 'pending',
          notes: null,
          completedBy: null,
          completedAt: null,
          createdAt: at.toISOString(),
          updatedAt: at.toISOString(),
          version: 1,
        };
        await tx.activities.insert(activity);
        await this.record(tx, releaseId, credentials, 'activity-added', {
          [`activity:${activity.title}`]: { before: null, after: input.phase },
        });
        return changed(activity, 'added', Boolean(activity.assignee));
      },
    );
  }

  async update(
    releaseId: string,
    activityId: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseActivity> {
    const { expectedVersion, ...input } = parseInput(
      updateActivitySchema,
      body,
    );
    await this.authorize(releaseId, credentials);
    return this.run(
      'release-activity-update',
      releaseId,
      credentials,
      async (tx, current) => {
        // Ids are UUIDs: anything else is unknown, not a database error.
        const activity = isUuid(activityId)
          ? await tx.activities.get(releaseId, activityId)
          : undefined;
        if (!activity) {
          throw new NotFoundError(
            `No activity ${activityId} in ${current.number}`,
          );
        }
        const newlyAssigned =
          Boolean(input.assignee) && input.assignee !== activity.assignee;
        const statusChanges =
          input.status !== undefined && input.status !== activity.status;
        assertEditable(current, activity.phase, statusChanges);
        if (
          (input.status === 'skipped' || input.status === 'failed') &&
          !(input.notes ?? activity.notes)?.trim()
        ) {
          throw fieldError(
            'notes',
            `a ${input.status} activity needs a note saying why`,
          );
        }
        const at = this.context.now();
        const changes: Partial<ReleaseActivity> = { ...input };
        if (statusChanges) {
          const finished = ['done', 'skipped', 'failed'].includes(
            input.status!,
          );
          changes.completedBy = finished ? actorOf(credentials) : null;
          changes.completedAt = finished ? at.toISOString() : null;
        }
        if (
          input.position !== undefined &&
          input.position !== activity.position
        ) {
          const count = await tx.activities.countInPhase(
            releaseId,
            activity.phase,
          );
          changes.position = Math.min(input.position, count - 1);
          // Close the gap it leaves, then open one where it goes.
          await tx.activities.shiftFrom(
            releaseId,
            activity.phase,
            activity.position + 1,
            -1,
          );
          await tx.activities.shiftFrom(
            releaseId,
            activity.phase,
            changes.position,
            1,
          );
        }
        const updated = await tx.activities.update(
          releaseId,
          activityId,
          expectedVersion,
          changes,
          at,
        );
        if (!updated) {
          throw new ConflictError(
            `The activity "${activity.title}" was changed by someone else: you sent version ` +
              `${expectedVersion}, it is now at version ${activity.version}. Reload it and try again.`,
          );
        }
        const { completedAt: _a, completedBy: _b, ...visible } = changes;
        await this.record(
          tx,
          releaseId,
          credentials,
          'activity-updated',
          prefixed(activity.title, diffFields(activity, visible)),
          input.notes ?? null,
        );
        return changed(updated, 'updated', newlyAssigned);
      },
    );
  }

  async remove(
    releaseId: string,
    activityId: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await this.authorize(releaseId, credentials);
    await this.run(
      'release-activity-remove',
      releaseId,
      credentials,
      async (tx, current) => {
        // Ids are UUIDs: anything else is unknown, not a database error.
        const activity = isUuid(activityId)
          ? await tx.activities.get(releaseId, activityId)
          : undefined;
        if (!activity) {
          throw new NotFoundError(
            `No activity ${activityId} in ${current.number}`,
          );
        }
        assertEditable(current, activity.phase, false);
        await tx.activities.delete(releaseId, activityId);
        await tx.activities.shiftFrom(
          releaseId,
          activity.phase,
          activity.position + 1,
          -1,
        );
        await this.record(tx, releaseId, credentials, 'activity-removed', {
          [`activity:${activity.title}`]: {
            before: activity.phase,
            after: null,
          },
        });
        return changed(undefined, 'removed', false, activity);
      },
    );
  }

  private authorize(releaseId: string, credentials: BackstageCredentials) {
    return authorizeReleaseUpdate(this.context, releaseId, credentials);
  }

  private run<T>(
    eventId: string,
    releaseId: string,
    credentials: BackstageCredentials,
    work: (tx: ReleaseRepositories, release: Release) => Promise<PartChange<T>>,
  ): Promise<T> {
    return runReleaseChange(
      this.context,
      { eventId, releaseId, credentials },
      work,
    );
  }

  private record(
    tx: ReleaseRepositories,
    releaseId: string,
    credentials: BackstageCredentials,
    action: string,
    changes: Record<string, FieldChange>,
    comment: string | null = null,
  ) {
    return recordChange(this.context, tx, {
      releaseId,
      credentials,
      kind: 'activity',
      action,
      changes,
      comment,
    });
  }
}

function prefixed(
  title: string,
  changes: Record<string, { before: unknown; after: unknown }>,
) {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [
      `${title}.${field}`,
      change,
    ]),
  );
}

/** An activity change for the after-commit step; `removed` names the gone one. */
function changed<T extends ReleaseActivity | undefined>(
  result: T,
  change: 'added' | 'updated' | 'removed',
  assigned: boolean,
  removed?: ReleaseActivity,
): PartChange<T> {
  return {
    result,
    change: release => ({
      kind: 'activity',
      release,
      change,
      activity: (result ?? removed)!,
      assigned,
    }),
  };
}
