import { ReleaseHistoryEntry } from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';
import { insertInChunks } from './insertInChunks';

/** What a use case records; id and time are filled in on write. */
export type NewHistoryEntry = Omit<ReleaseHistoryEntry, 'id' | 'at'> & {
  at: Date;
};

function entryFromRow(row: any): ReleaseHistoryEntry {
  return {
    id: String(row.id),
    releaseId: row.release_id,
    at: toIso(row.at)!,
    actor: row.actor,
    kind: row.kind,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    changes: row.changes ? JSON.parse(row.changes) : {},
    justificationId: row.justification_id,
    comment: row.comment,
  };
}

/**
 * The append-only history (docs/process.md#history): there is no update or
 * delete here.
 */
export class HistoryRepository {
  constructor(private readonly db: Knex) {}

  async append(entry: NewHistoryEntry): Promise<void> {
    await this.appendMany([entry]);
  }

  /** Appends entries in their order (their ids follow it), in few statements. */
  async appendMany(entries: NewHistoryEntry[]): Promise<void> {
    await insertInChunks(
      this.db,
      'release_history',
      entries.map(entry => ({
        release_id: entry.releaseId,
        at: entry.at,
        actor: entry.actor,
        kind: entry.kind,
        action: entry.action,
        from_status: entry.fromStatus,
        to_status: entry.toStatus,
        changes: JSON.stringify(entry.changes),
        justification_id: entry.justificationId,
        comment: entry.comment,
      })),
    );
  }

  async listForRelease(releaseId: string): Promise<ReleaseHistoryEntry[]> {
    const rows = await this.db('release_history')
      .where({ release_id: releaseId })
      .orderBy('id');
    return rows.map(entryFromRow);
  }
}
