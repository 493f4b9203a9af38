import {
  ConflictingRelease,
  formatReleaseNumber,
  ImpactedEntity,
  OPEN_STATUSES,
  Priority,
  ReleaseTouch,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';
import { insertInChunks } from './insertInChunks';
import { applyVisibility, ReleaseVisibility } from './permissionFilter';

/** Overlapping releases considered per check; beyond that the window is hopeless anyway. */
const CANDIDATE_LIMIT = 500;

/** Rows per insert: 14 columns stay far below SQLite's variable limit. */
const INSERT_CHUNK = 100;

/**
 * The release's own columns each of its index rows repeats, so entity pages
 * filter, count and order there (migration `impact_release_state`), and
 * the delivery figures find the successes on a CI (migration
 * `impact_success_end`).
 */
export type ImpactReleaseState = {
  release_status: string;
  release_number: number;
  release_planned_start: unknown;
  release_closed_at: unknown;
  /** The actual end of a release closed as successful, else null. */
  release_succeeded_at: unknown;
};

/** The release columns the index repeats, as `releases` holds them. */
export const IMPACT_STATE_COLUMNS = [
  'status',
  'number',
  'planned_start',
  'closed_at',
  'outcome',
  'actual_end',
] as const;

/** The index columns that follow a release row of `releases`. */
export function impactReleaseState(row: {
  status: string;
  number: number;
  planned_start: unknown;
  closed_at: unknown;
  outcome: string | null;
  actual_end: unknown;
}): ImpactReleaseState {
  const succeeded = row.status === 'closed' && row.outcome === 'successful';
  return {
    release_status: row.status,
    release_number: Number(row.number),
    release_planned_start: row.planned_start ?? null,
    release_closed_at: row.closed_at ?? null,
    release_succeeded_at: succeeded ? row.actual_end ?? null : null,
  };
}

/** {@link impactReleaseState} in SQL, from the release row as `written`. */
export const UPDATE_IMPACT_FROM_WRITTEN = `update release_impact set
  release_status = written.status,
  release_number = written.number,
  release_planned_start = written.planned_start,
  release_closed_at = written.closed_at,
  release_succeeded_at = case
    when written.status = 'closed' and written.outcome = 'successful'
    then written.actual_end end
  from written where release_impact.release_id = written.id`;

/**
 * A row of the impact index. `part_of`: the CI itself or reached through
 * `partOf` alone, what a system's or domain's delivery figures count
 * (migration `impact_part_of`).
 */
export function impactRow(
  releaseId: string,
  entity: ImpactedEntity,
  state: ImpactReleaseState,
) {
  return {
    release_id: releaseId,
    entity_ref: entity.entityRef,
    distance: entity.distance,
    via: entity.via,
    path: JSON.stringify(entity.path),
    part_of: entity.path.every(step => step.relation === 'partOf'),
    kind: entity.kind,
    title: entity.title,
    owner: entity.owner,
    tags: JSON.stringify(entity.tags),
    lifecycle: entity.lifecycle,
    ...state,
  };
}

function fromRow(row: any): ImpactedEntity {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    title: row.title,
    owner: row.owner,
    tags: JSON.parse(row.tags),
    lifecycle: row.lifecycle ?? null,
    distance: Number(row.distance),
    via: row.via,
    path: JSON.parse(row.path),
  };
}

/** A release that shares an entity with another within overlapping windows. */
export type ConflictRow = {
  releaseId: string;
  other: ConflictingRelease;
  entityRef: string;
  distance: number;
};

/**
 * The impact index: every entity each release touches, so entity pages and
 * conflict checks read it instead of walking the catalog
 * (docs/impact.md#the-impact-index).
 */
export class ImpactRepository {
  constructor(private readonly db: Knex) {}

  /**
   * The release's state for its new index rows. Read under a share lock:
   * a transition committing meanwhile waits, then updates these rows too.
   */
  private async stateOf(releaseId: string): Promise<ImpactReleaseState> {
    const row = await this.db('releases')
      .where({ id: releaseId })
      .forShare()
      .first(...IMPACT_STATE_COLUMNS);
    return impactReleaseState(row);
  }

  /**
   * Stores a fresh walk from `walkedCis`. Rows reached from CIs related
   * after the walk began stay until the next walk, so concurrent relation
   * changes never drop each other's rows; a CI the walk could not find
   * keeps its own row, so the index always lists every CI.
   */
  async replaceWalked(
    releaseId: string,
    walkedCis: string[],
    entities: ImpactedEntity[],
  ): Promise<void> {
    const state = await this.stateOf(releaseId);
    const current: string[] = (
      await this.db('release_ci_relations')
        .where({ release_id: releaseId })
        .select('entity_ref')
    ).map(row => row.entity_ref);
    const found = new Set(
      entities.filter(e => e.distance === 0).map(e => e.entityRef),
    );
    const unfound = current.filter(ci => !found.has(ci));
    await this.db('release_impact')
      .where({ release_id: releaseId })
      .where(qb => qb.whereIn('via', walkedCis).orWhereNotIn('via', current))
      .whereNot(qb => qb.where('distance', 0).whereIn('entity_ref', unfound))
      .delete();
    const kept = entities.filter(entity => current.includes(entity.via));
    for (let i = 0; i < kept.length; i += INSERT_CHUNK) {
      await this.db('release_impact')
        .insert(
          kept
            .slice(i, i + INSERT_CHUNK)
            .map(e => impactRow(releaseId, e, state)),
        )
        .onConflict(['release_id', 'entity_ref'])
        .ignore();
    }
  }

  /** Releases whose impact is worth keeping fresh: open or recently finished. */
  async releasesToRefresh(finishedSince: Date): Promise<string[]> {
    const rows = await this.db('releases')
      .whereExists(sub =>
        sub
          .select(sub.client.raw('1'))
          .from('release_ci_relations')
          .whereRaw('release_ci_relations.release_id = releases.id'),
      )
      .where(qb =>
        qb
          .whereIn('releases.status', OPEN_STATUSES)
          .orWhere('releases.closed_at', '>=', finishedSince),
      )
      .select('releases.id');
    return rows.map(row => row.id);
  }

  /**
   * Writes index rows of releases whose state is known to the caller, as
   * when releases are written in bulk with what they touch.
   */
  async insertMany(
    items: Array<{
      releaseId: string;
      entity: ImpactedEntity;
      state: ImpactReleaseState;
    }>,
  ): Promise<void> {
    await insertInChunks(
      this.db,
      'release_impact',
      items.map(item => impactRow(item.releaseId, item.entity, item.state)),
    );
  }

  /** Records a newly related CI at once; the walk from it follows. */
  async addDirect(releaseId: string, entity: ImpactedEntity): Promise<void> {
    const state = await this.stateOf(releaseId);
    await this.db('release_impact')
      .insert(impactRow(releaseId, entity, state))
      .onConflict(['release_id', 'entity_ref'])
      .merge();
  }

  /** Forgets a CI that is no longer related and what was reached from it. */
  async removeVia(releaseId: string, ciRef: string): Promise<void> {
    await this.db('release_impact')
      .where({ release_id: releaseId, via: ciRef })
      .delete();
  }

  /**
   * {@link ownersOf} and {@link touchedEntityRefs} in one statement, for a
   * change that needs both (its recipients and its signal). Each part is
   * numbered in its own order, as the union may return them in any.
   */
  async ownersAndTouched(
    releaseId: string,
    limits: { owners: number; entityRefs: number },
  ): Promise<{ owners: string[]; entityRefs: string[] }> {
    const owners = this.db('release_impact')
      .where({ release_id: releaseId })
      .whereNotNull('owner')
      .groupBy('owner')
      .select(
        this.db.raw("'owner' as part"),
        'owner as value',
        this.db.raw('row_number() over (order by min(distance), owner) as n'),
      )
      .orderByRaw('min(distance)')
      .orderBy('owner')
      .limit(limits.owners);
    const touched = this.db('release_impact')
      .where({ release_id: releaseId })
      .select(
        this.db.raw("'entity' as part"),
        'entity_ref as value',
        this.db.raw('row_number() over (order by entity_ref) as n'),
      )
      .orderBy('entity_ref')
      .limit(limits.entityRefs);
    const rows: Array<{ part: string; value: string; n: unknown }> =
      await this.db
        .select('*')
        .from(owners.as('owners'))
        .unionAll(qb => qb.select('*').from(touched.as('touched')));
    const part = (name: string) =>
      rows
        .filter(row => row.part === name)
        .sort((a, b) => Number(a.n) - Number(b.n))
        .map(row => row.value);
    return { owners: part('owner'), entityRefs: part('entity') };
  }

  /** The owners of what the release touches, nearest first. */
  async ownersOf(releaseId: string, limit: number): Promise<string[]> {
    const rows = await this.db('release_impact')
      .where({ release_id: releaseId })
      .whereNotNull('owner')
      .groupBy('owner')
      .select('owner')
      .min({ nearest: 'distance' })
      .orderBy('nearest')
      .orderBy('owner')
      .limit(limit);
    return rows.map((row: any) => row.owner as string);
  }

  /**
   * The refs of what the release touches, its CIs and its impact, sorted;
   * at most `limit` when given.
   */
  async touchedEntityRefs(
    releaseId: string,
    limit?: number,
  ): Promise<string[]> {
    // The index holds a row for every CI (distance 0), walked or not.
    const query = this.db('release_impact')
      .where({ release_id: releaseId })
      .distinct('entity_ref')
      .orderBy('entity_ref');
    const rows = await (limit === undefined ? query : query.limit(limit));
    return rows.map(row => row.entity_ref as string);
  }

  async listForRelease(releaseId: string): Promise<ImpactedEntity[]> {
    const rows = await this.db('release_impact')
      .where({ release_id: releaseId })
      .orderBy([
        { column: 'distance', order: 'asc' },
        { column: 'entity_ref', order: 'asc' },
      ]);
    return rows.map(fromRow);
  }

  /** How each of `releaseIds` touches `entityRef`, direct relations first. */
  async touches(
    releaseIds: string[],
    entityRef: string,
  ): Promise<Map<string, ReleaseTouch>> {
    const touches = new Map<string, ReleaseTouch>();
    if (releaseIds.length === 0) return touches;
    const none = (column: string) => this.db.raw(`null as ${column}`);
    // Direct relations and impact in one statement: a page of an entity's
    // releases is one round trip for its touches.
    const rows: any[] = await this.db('release_ci_relations')
      .whereIn('release_id', releaseIds)
      .where('entity_ref', entityRef)
      .select('release_id', 'role', none('distance'), none('via'), none('path'))
      .unionAll(impacted =>
        impacted
          .from('release_impact')
          .whereIn('release_id', releaseIds)
          .where('entity_ref', entityRef)
          .where('distance', '>', 0)
          .select('release_id', none('role'), 'distance', 'via', 'path'),
      );
    for (const row of rows.filter(r => !r.role)) {
      touches.set(row.release_id, {
        kind: 'impacted',
        distance: Number(row.distance),
        via: row.via,
        path: JSON.parse(row.path),
      });
    }
    for (const row of rows.filter(r => r.role)) {
      touches.set(row.release_id, { kind: 'direct', role: row.role });
    }
    return touches;
  }

  /**
   * Open releases, other than those in `releaseIds`'s own row, whose planned
   * window overlaps the given one and that touch an entity a release in
   * `releaseIds` touches. Both sides count direct CIs and impact alike.
   */
  async conflicts(options: {
    /** The releases to check, with their windows. */
    windows: Array<{ releaseId: string; start: Date; end: Date }>;
    visibility: ReleaseVisibility;
  }): Promise<ConflictRow[]> {
    const rows: ConflictRow[] = [];
    for (const window of options.windows) {
      rows.push(...(await this.conflictsOf(window, options.visibility)));
    }
    return rows;
  }

  /**
   * Two steps, so no planner starts from a popular entity (a domain every
   * release reaches): first the few open releases whose window overlaps,
   * then which of them share an entity.
   */
  private async conflictsOf(
    window: { releaseId: string; start: Date; end: Date },
    visibility: ReleaseVisibility,
  ): Promise<ConflictRow[]> {
    // Windows overlap when each starts before the other ends.
    const candidatesQuery = this.db('releases')
      .whereIn('releases.status', OPEN_STATUSES)
      .where('releases.planned_start', '<', window.end)
      .where('releases.planned_end', '>', window.start)
      .whereNot('releases.id', window.releaseId)
      .select(
        'releases.id',
        'releases.number',
        'releases.title',
        'releases.status',
        'releases.manager',
        'releases.priority',
        'releases.planned_start',
        'releases.planned_end',
      )
      .orderBy('releases.planned_start')
      .limit(CANDIDATE_LIMIT);
    applyVisibility(candidatesQuery, visibility);
    const candidates = new Map<string, ConflictingRelease>(
      (await candidatesQuery).map(row => [
        row.id,
        {
          id: row.id,
          number: formatReleaseNumber(Number(row.number)),
          title: row.title,
          status: row.status,
          manager: row.manager,
          priority: Number(row.priority) as Priority,
          window: {
            start: toIso(row.planned_start)!,
            end: toIso(row.planned_end)!,
          },
        },
      ]),
    );
    if (candidates.size === 0) return [];

    const shared = await this.db('release_impact as theirs')
      .join('release_impact as mine', 'mine.entity_ref', 'theirs.entity_ref')
      .where('mine.release_id', window.releaseId)
      .whereIn('theirs.release_id', [...candidates.keys()])
      .select(
        'theirs.release_id',
        'theirs.entity_ref',
        this.db.raw('mine.distance + theirs.distance as total_distance'),
      )
      .orderBy('total_distance')
      .orderBy('theirs.entity_ref');
    return shared.map(row => ({
      releaseId: window.releaseId,
      entityRef: row.entity_ref,
      distance: Number(row.total_distance),
      other: candidates.get(row.release_id)!,
    }));
  }
}
