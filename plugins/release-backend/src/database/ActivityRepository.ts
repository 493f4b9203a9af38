import {
  ActivityPhase,
  formatReleaseNumber,
  OPEN_STATUSES,
  Priority,
  ReleaseActivity,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toDate, toIso } from './dates';
import { insertInChunks } from './insertInChunks';

function activityFromRow(row: any): ReleaseActivity {
  return {
    id: row.id,
    releaseId: row.release_id,
    phase: row.phase,
    position: Number(row.position),
    title: row.title,
    description: row.description,
    assignee: row.assignee,
    group: row.assignee_group,
    dueAt: toIso(row.due_at),
    status: row.status,
    notes: row.notes,
    completedBy: row.completed_by,
    completedAt: toIso(row.completed_at),
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
    version: Number(row.version),
  };
}

const columns: Record<string, string> = {
  title: 'title',
  description: 'description',
  assignee: 'assignee',
  group: 'assignee_group',
  dueAt: 'due_at',
  status: 'status',
  notes: 'notes',
  completedBy: 'completed_by',
  completedAt: 'completed_at',
  position: 'position',
};
const dateFields = new Set(['dueAt', 'completedAt']);

function changesToRow(changes: Partial<ReleaseActivity>) {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    if (field in changes) {
      const value = (changes as Record<string, unknown>)[field];
      row[column] = dateFields.has(field)
        ? toDate(value as string | null)
        : value;
    }
  }
  return row;
}

/** An overdue activity with what a reminder about it needs of its release. */
export type OverdueActivityRow = ReleaseActivity & {
  release: {
    id: string;
    number: string;
    title: string;
    manager: string | null;
    priority: Priority;
  };
};

/**
 * Planning and deployment activities
 * (docs/process.md#planning-and-deployment-activities).
 */
export class ActivityRepository {
  constructor(private readonly db: Knex) {}

  async listForRelease(releaseId: string): Promise<ReleaseActivity[]> {
    const rows = await this.db('release_activities')
      .where({ release_id: releaseId })
      .orderBy([
        { column: 'phase', order: 'desc' }, // planning before deployment
        { column: 'position' },
      ]);
    return rows.map(activityFromRow);
  }

  /**
   * Activities still pending or in progress past their due date, of open
   * releases, the longest overdue first.
   */
  async listOverdue(now: Date, limit: number): Promise<OverdueActivityRow[]> {
    const rows = await this.db('release_activities')
      .join('releases', 'releases.id', 'release_activities.release_id')
      .whereIn('releases.status', OPEN_STATUSES as ReleaseStatus[])
      .whereIn('release_activities.status', ['pending', 'in-progress'])
      .where('release_activities.due_at', '<', now)
      .orderBy([
        { column: 'release_activities.due_at' },
        { column: 'release_activities.id' },
      ])
      .limit(limit)
      .select(
        'release_activities.*',
        'releases.number as release_number',
        'releases.title as release_title',
        'releases.manager as release_manager',
        'releases.priority as release_priority',
      );
    return rows.map(row => ({
      ...activityFromRow(row),
      release: {
        id: row.release_id,
        number: formatReleaseNumber(Number(row.release_number)),
        title: row.release_title,
        manager: row.release_manager,
        priority: Number(row.release_priority) as Priority,
      },
    }));
  }

  async get(
    releaseId: string,
    id: string,
  ): Promise<ReleaseActivity | undefined> {
    const row = await this.db('release_activities')
      .where({ release_id: releaseId, id })
      .first();
    return row ? activityFromRow(row) : undefined;
  }

  async countInPhase(releaseId: string, phase: ActivityPhase): Promise<number> {
    const row = await this.db('release_activities')
      .where({ release_id: releaseId, phase })
      .count({ count: '*' })
      .first();
    return Number(row?.count ?? 0);
  }

  /** Makes room at `position` by moving later activities of the phase down. */
  async shiftFrom(
    releaseId: string,
    phase: ActivityPhase,
    position: number,
    by: 1 | -1,
  ): Promise<void> {
    await this.db('release_activities')
      .where({ release_id: releaseId, phase })
      .where('position', '>=', position)
      .increment('position', by);
  }

  async insert(activity: ReleaseActivity): Promise<void> {
    await this.insertMany([activity]);
  }

  /** Inserts activities of any releases in few statements. */
  async insertMany(activities: ReleaseActivity[]): Promise<void> {
    await insertInChunks(
      this.db,
      'release_activities',
      activities.map(activity => ({
        id: activity.id,
        release_id: activity.releaseId,
        phase: activity.phase,
        created_at: new Date(activity.createdAt),
        updated_at: new Date(activity.updatedAt),
        version: activity.version,
        ...changesToRow(activity),
      })),
    );
  }

  /** Writes when still at `expectedVersion`; undefined when someone else won. */
  async update(
    releaseId: string,
    id: string,
    expectedVersion: number,
    changes: Partial<ReleaseActivity>,
    now: Date,
  ): Promise<ReleaseActivity | undefined> {
    const updated = await this.db('release_activities')
      .where({ release_id: releaseId, id, version: expectedVersion })
      .update({
        ...changesToRow(changes),
        updated_at: now,
        version: expectedVersion + 1,
      });
    return updated === 0 ? undefined : this.get(releaseId, id);
  }

  async delete(releaseId: string, id: string): Promise<boolean> {
    const deleted = await this.db('release_activities')
      .where({ release_id: releaseId, id })
      .delete();
    return deleted > 0;
  }
}
