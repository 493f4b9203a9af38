import { Release } from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { ReleasePermissionResource } from '../permissions';
import { HistoryRepository, NewHistoryEntry } from './HistoryRepository';
import {
  impactReleaseState,
  UPDATE_IMPACT_FROM_WRITTEN,
} from './ImpactRepository';
import { insertInChunks } from './insertInChunks';
import {
  approvalFactsFromRow,
  hasApprovalPolicyColumn,
  joinPolicies,
} from './approvalFacts';
import { NotificationOutbox, OwedNotification } from './NotificationOutbox';
import { releaseChangesToRow, releaseFromRow, ReleaseRow } from './releaseRows';

/** What a change writes beside the release row, in the same statement. */
export type WrittenWith = {
  history: NewHistoryEntry;
  /** Owed for the release as written; stored with its row. */
  owed: OwedNotification[];
};

/** The release record itself: numbering, reads and versioned writes. */
export class ReleaseRepository {
  constructor(private readonly db: Knex) {}

  /**
   * Whether a change can be written in one statement with its history entry
   * and owed notifications (PostgreSQL's data-modifying WITHs), which the
   * database commits as a whole (docs/workflow.md#transactions-and-history).
   */
  get writesInOneStatement(): boolean {
    return this.db.client.config.client === 'pg';
  }

  /**
   * The next release number. Must run inside the registering transaction:
   * the counter row stays locked until it commits, so concurrent
   * registrations queue up, and a rollback gives the number back.
   */
  async allocateNumber(): Promise<number> {
    const [row] = await this.db('release_counters')
      .where({ name: 'release_number' })
      .increment('value', 1)
      .returning('value');
    return Number(row.value);
  }

  /**
   * `count` consecutive release numbers at once, the first returned, as
   * {@link allocateNumber} would give them one by one.
   */
  async allocateNumbers(count: number): Promise<number> {
    const [row] = await this.db('release_counters')
      .where({ name: 'release_number' })
      .increment('value', count)
      .returning('value');
    return Number(row.value) - count + 1;
  }

  /**
   * Registers a release in one statement (see {@link writesInOneStatement}):
   * the next number, the row, its history entry and the notifications it
   * owes. Must run inside the registering transaction, as
   * {@link allocateNumber}. Returns the release as written.
   */
  async insertInOneStatement(
    release: Omit<Release, 'number'>,
    also: WrittenWith,
  ): Promise<Release> {
    let query = this.db
      .with(
        'numbered',
        this.db('release_counters')
          .where({ name: 'release_number' })
          .increment('value', 1)
          .returning('value'),
      )
      .with(
        'written',
        this.db('releases')
          .insert({
            ...this.insertedRow(release),
            number: this.db.raw('(select value from numbered)'),
          })
          .returning('*'),
      )
      // The new row is checked against the history's foreign key at the
      // statement's end, when it is there.
      .with('history', new HistoryRepository(this.db).appending(also.history));
    if (also.owed.length > 0) {
      query = query.with(
        'owed',
        new NotificationOutbox(this.db).addForWritten(
          also.owed,
          also.history.at,
          'written',
        ),
      );
    }
    const [row] = await query.select('*').from('written');
    return releaseFromRow(row);
  }

  async insert(release: Release, sequence: number): Promise<void> {
    await this.insertMany([{ release, sequence }]);
  }

  /** Inserts releases with the numbers allocated for them, in few statements. */
  async insertMany(
    items: Array<{ release: Release; sequence: number }>,
  ): Promise<void> {
    await insertInChunks(
      this.db,
      'releases',
      items.map(({ release, sequence }) => ({
        ...this.insertedRow(release),
        number: sequence,
      })),
    );
  }

  private insertedRow(release: Omit<Release, 'number'>) {
    return {
      id: release.id,
      created_by: release.createdBy,
      created_at: new Date(release.createdAt),
      updated_at: new Date(release.updatedAt),
      version: release.version,
      ...releaseChangesToRow(release),
    };
  }

  async get(id: string): Promise<Release | undefined> {
    const row = await this.db<ReleaseRow>('releases').where({ id }).first();
    return row ? releaseFromRow(row) : undefined;
  }

  async getByNumber(sequence: number): Promise<Release | undefined> {
    const row = await this.db<ReleaseRow>('releases')
      .where({ number: sequence })
      .first();
    return row ? releaseFromRow(row) : undefined;
  }

  /** The release with what permission rules need (its portfolio's authorizer). */
  async getResources(
    ids: string[],
  ): Promise<Array<ReleasePermissionResource | undefined>> {
    const rows = await joinPolicies(this.db('releases'))
      .whereIn('releases.id', ids)
      .select(
        'releases.*',
        'release_portfolios.authorizer_group',
        hasApprovalPolicyColumn(this.db),
      );
    const byId = new Map<string, ReleasePermissionResource>(
      rows.map((row: any) => [
        row.id,
        {
          ...releaseFromRow(row),
          authorizerGroup: row.authorizer_group ?? null,
          ...approvalFactsFromRow(row),
        },
      ]),
    );
    return ids.map(id => byId.get(id));
  }

  /**
   * Writes the changes if the release is still at `expectedVersion`, and
   * returns the committed row as written (no second read), or undefined
   * when someone else changed it first. The impact index's copy of the
   * release's state follows in the same transaction, so entity pages never
   * see the old state.
   */
  async update(
    id: string,
    expectedVersion: number,
    changes: Partial<Release>,
    now: Date,
  ): Promise<Release | undefined> {
    const update = this.versionedUpdate(id, expectedVersion, changes, now);
    const stateChanged = changesState(changes);
    if (stateChanged && this.writesInOneStatement) {
      // One statement on PostgreSQL: the index is updated from the
      // release's row as written.
      const [written] = await this.db
        .with('written', update)
        .with('impact', this.db.raw(UPDATE_IMPACT_FROM_WRITTEN))
        .select('*')
        .from('written');
      return written ? releaseFromRow(written) : undefined;
    }
    const [row] = await update;
    if (!row) {
      return undefined;
    }
    if (stateChanged) {
      await this.db('release_impact')
        .where({ release_id: id })
        .update(impactReleaseState(row));
    }
    return releaseFromRow(row);
  }

  /**
   * {@link update} in one statement (see {@link writesInOneStatement}),
   * with the impact index's copy, the history entry and the notifications
   * owed: all written, or, when someone else changed the release first,
   * none (undefined).
   */
  async updateInOneStatement(
    id: string,
    expectedVersion: number,
    changes: Partial<Release>,
    also: WrittenWith,
  ): Promise<Release | undefined> {
    const now = also.history.at;
    let query = this.db
      .with('written', this.versionedUpdate(id, expectedVersion, changes, now))
      .with(
        'history',
        new HistoryRepository(this.db).appendingForWritten(
          also.history,
          'written',
        ),
      );
    if (changesState(changes)) {
      query = query.with('impact', this.db.raw(UPDATE_IMPACT_FROM_WRITTEN));
    }
    if (also.owed.length > 0) {
      query = query.with(
        'owed',
        new NotificationOutbox(this.db).addForWritten(
          also.owed,
          now,
          'written',
        ),
      );
    }
    const [row] = await query.select('*').from('written');
    return row ? releaseFromRow(row) : undefined;
  }

  private versionedUpdate(
    id: string,
    expectedVersion: number,
    changes: Partial<Release>,
    now: Date,
  ) {
    return this.db<ReleaseRow>('releases')
      .where({ id, version: expectedVersion })
      .update({
        ...releaseChangesToRow(changes),
        updated_at: now,
        version: expectedVersion + 1,
      })
      .returning('*');
  }

  /**
   * Marks the release as changed through one of its parts (activities,
   * relations, media): its version stays, so an open edit of the release
   * itself is not made stale by it. Returns the row as written.
   */
  async touch(id: string, now: Date): Promise<Release> {
    const [row] = await this.db<ReleaseRow>('releases')
      .where({ id })
      .update({ updated_at: now })
      .returning('*');
    return releaseFromRow(row);
  }

  async dueForResume(now: Date, limit: number): Promise<Release[]> {
    const rows = await this.db<ReleaseRow>('releases')
      .where({ status: 'suspended' })
      .whereNotNull('resume_at')
      .where('resume_at', '<=', now)
      .orderBy('resume_at')
      .limit(limit);
    return rows.map(releaseFromRow);
  }
}

/** Whether changes reach the impact index's copy of the release's state. */
function changesState(changes: Partial<Release>): boolean {
  return (
    changes.status !== undefined ||
    changes.plannedStart !== undefined ||
    changes.closedAt !== undefined ||
    changes.outcome !== undefined ||
    changes.actualEnd !== undefined
  );
}
