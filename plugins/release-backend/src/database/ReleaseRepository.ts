import { Release } from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { ReleasePermissionResource } from '../permissions';
import { impactReleaseState } from './ImpactRepository';
import { insertInChunks } from './insertInChunks';
import { releaseChangesToRow, releaseFromRow, ReleaseRow } from './releaseRows';

/** {@link impactReleaseState} in SQL, from the `updated` release row. */
const updateImpactFromUpdated = `update release_impact set
  release_status = updated.status,
  release_number = updated.number,
  release_planned_start = updated.planned_start,
  release_closed_at = updated.closed_at
  from updated where release_impact.release_id = updated.id`;

/** The release record itself: numbering, reads and versioned writes. */
export class ReleaseRepository {
  constructor(private readonly db: Knex) {}

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
        id: release.id,
        number: sequence,
        created_by: release.createdBy,
        created_at: new Date(release.createdAt),
        updated_at: new Date(release.updatedAt),
        version: release.version,
        ...releaseChangesToRow(release),
      })),
    );
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
    const rows = await this.db('releases')
      .leftJoin(
        'release_portfolios',
        'release_portfolios.id',
        'releases.portfolio_id',
      )
      .whereIn('releases.id', ids)
      .select('releases.*', 'release_portfolios.authorizer_group');
    const byId = new Map(
      rows.map(row => [
        row.id,
        {
          ...releaseFromRow(row),
          authorizerGroup: row.authorizer_group ?? null,
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
    const update = this.db<ReleaseRow>('releases')
      .where({ id, version: expectedVersion })
      .update({
        ...releaseChangesToRow(changes),
        updated_at: now,
        version: expectedVersion + 1,
      })
      .returning('*');
    const stateChanged =
      changes.status !== undefined ||
      changes.plannedStart !== undefined ||
      changes.closedAt !== undefined;
    if (stateChanged && this.db.client.config.client === 'pg') {
      // One statement on PostgreSQL: the index is updated from the
      // release's row as written.
      const [written] = await this.db
        .with('updated', update)
        .with('impact', this.db.raw(updateImpactFromUpdated))
        .select('*')
        .from('updated');
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
