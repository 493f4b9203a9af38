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

function rowOf(entry: NewHistoryEntry) {
  return {
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
    await insertInChunks(this.db, 'release_history', entries.map(rowOf));
  }

  /** {@link append} as a statement of its own, or a WITH of a larger one. */
  appending(entry: NewHistoryEntry): Knex.QueryBuilder {
    return this.db('release_history').insert(rowOf(entry));
  }

  /**
   * {@link append} as part of the statement that writes the release
   * (PostgreSQL): written only when `written`, that statement's row as
   * written (a WITH of it), holds a row.
   */
  appendingForWritten(entry: NewHistoryEntry, written: string): Knex.Raw {
    const row = rowOf(entry);
    return this.db.raw(
      `insert into release_history (release_id, at, actor, kind, action,
         from_status, to_status, changes, justification_id, comment)
       select ?::uuid, ?::timestamptz, ?::text, ?::text, ?::text,
         ?::text, ?::text, ?::text, ?::uuid, ?::text
       from ??`,
      [
        row.release_id,
        row.at,
        row.actor,
        row.kind,
        row.action,
        row.from_status,
        row.to_status,
        row.changes,
        row.justification_id,
        row.comment,
        written,
      ],
    );
  }

  async listForRelease(releaseId: string): Promise<ReleaseHistoryEntry[]> {
    const rows = await this.db('release_history')
      .where({ release_id: releaseId })
      .orderBy('id');
    return rows.map(entryFromRow);
  }
}
