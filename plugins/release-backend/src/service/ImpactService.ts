import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  BlackoutList,
  blackoutQuerySchema,
  EntityReleaseOverview,
  entityOverviewQuerySchema,
  impactQuerySchema,
  OPEN_STATUSES,
  Release,
  ReleaseSummary,
  ReleaseConflict,
  ReleaseConflicts,
  ReleaseImpact,
  releaseListQuerySchema,
} from '@internal/plugin-release-common';
import { DateTime } from 'luxon';
import { ConflictRow } from '../database/ImpactRepository';
import { ReleaseVisibility } from '../database/permissionFilter';
import { blackoutHits, occurrencesBetween } from '../blackouts/blackoutWindows';
import { catalogNodeReader } from '../impact/catalogNodes';
import { walkImpact } from '../impact/walkImpact';
import { parseInput } from './parseInput';
import { withoutRuleFacts } from '../permissions';
import { loadReadableRelease, ServiceContext } from './ServiceContext';

/** Shared entities named per conflict: enough to act on, short enough to read. */
const SHARED_SHOWN = 5;

function windowOf(release: Pick<Release, 'plannedStart' | 'plannedEnd'>) {
  return release.plannedStart && release.plannedEnd
    ? {
        start: new Date(release.plannedStart),
        end: new Date(release.plannedEnd),
      }
    : null;
}

/** One conflict per other release, its shared entities nearest first. */
function groupConflicts(
  rows: ConflictRow[],
  window: { start: string; end: string },
): ReleaseConflict[] {
  const byRelease = new Map<string, ReleaseConflict>();
  for (const row of rows) {
    const conflict = byRelease.get(row.other.id) ?? {
      release: row.other,
      window,
      sharedEntityRefs: [],
    };
    if (
      conflict.sharedEntityRefs.length < SHARED_SHOWN &&
      !conflict.sharedEntityRefs.includes(row.entityRef)
    ) {
      conflict.sharedEntityRefs.push(row.entityRef);
    }
    byRelease.set(row.other.id, conflict);
  }
  return [...byRelease.values()].sort(
    (a, b) =>
      Date.parse(a.release.window.start) - Date.parse(b.release.window.start),
  );
}

/**
 * Impact analysis, the impact index, conflicts and blackout windows
 * (docs/impact.md).
 */
export class ImpactService {
  constructor(private readonly context: ServiceContext) {}

  /** Walks the catalog from the release's CIs, reading as the caller. */
  async analyse(
    id: string,
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseImpact> {
    const { depth = this.context.impact.depth } = parseInput(
      impactQuerySchema,
      query,
    );
    const release = await loadReadableRelease(
      this.context,
      this.context.store,
      id,
      credentials,
    );
    const cis = await this.ciRefs(release.id);
    return this.walk(release.id, cis, depth, credentials);
  }

  /**
   * Rebuilds the release's row of the impact index with the plugin's own
   * credentials: the index serves every reader, and each reader's own view
   * of the catalog is applied when they ask for the impact itself.
   */
  async refresh(releaseId: string): Promise<void> {
    const credentials = await this.context.serviceCredentials();
    const cis = await this.ciRefs(releaseId);
    const impact = await this.walk(
      releaseId,
      cis,
      this.context.impact.depth,
      credentials,
    );
    const now = this.context.now();
    await this.context.store.transaction(async tx => {
      await tx.impact.replaceWalked(releaseId, cis, impact.entities);
      await tx.relations.flagMissing(releaseId, impact.missing, now);
    });
  }

  /** Refreshes without failing the caller: a catalog outage waits for the schedule. */
  async refreshQuietly(releaseId: string): Promise<void> {
    try {
      await this.refresh(releaseId);
    } catch (error) {
      this.context.logger.warn(
        `Could not refresh the impact of release ${releaseId}: ${error}`,
      );
    }
  }

  /** Refreshes open releases and those finished in the last 30 days. */
  async refreshRecent(): Promise<number> {
    const since = DateTime.fromJSDate(this.context.now())
      .minus({ days: 30 })
      .toJSDate();
    const ids = await this.context.store.impact.releasesToRefresh(since);
    for (const id of ids) {
      await this.refreshQuietly(id);
      // The catalog may have moved a factor (a lifecycle, a tag): no change
      // to the release says so (docs/risk.md#recomputation).
      await this.context.risk.afterChange(id);
    }
    return ids.length;
  }

  /** `GET /releases/:id/conflicts`: only releases the caller may read. */
  async conflicts(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<ReleaseConflicts> {
    const release = await loadReadableRelease(
      this.context,
      this.context.store,
      id,
      credentials,
    );
    const visibility = await this.context.authorizer.visibility(credentials);
    return this.check(release, visibility);
  }

  /** What stands in the way of the release's window, seen with `visibility`. */
  async check(
    release: Release,
    visibility: ReleaseVisibility = { kind: 'all' },
  ): Promise<ReleaseConflicts> {
    const window = windowOf(release);
    if (!window) {
      return { window: null, conflicts: [], blackouts: [] };
    }
    const [rows, touched] = await Promise.all([
      this.context.store.impact.conflicts({
        windows: [{ releaseId: release.id, ...window }],
        visibility,
      }),
      this.context.store.impact.listForRelease(release.id),
    ]);
    const isoWindow = {
      start: release.plannedStart!,
      end: release.plannedEnd!,
    };
    return {
      window: isoWindow,
      conflicts: groupConflicts(rows, isoWindow),
      blackouts: blackoutHits(this.context.blackoutWindows, window, touched),
    };
  }

  /** `GET /blackouts`: the windows and their occurrences in a period. */
  blackouts(query: unknown): BlackoutList {
    const parsed = parseInput(blackoutQuerySchema, query);
    const from = parsed.from
      ? DateTime.fromISO(parsed.from)
      : DateTime.fromJSDate(this.context.now()).startOf('month');
    const to = parsed.to
      ? DateTime.fromISO(parsed.to)
      : from.plus({ years: 1 });
    const windows = this.context.blackoutWindows;
    return {
      windows,
      occurrences: occurrencesBetween(windows, from.toJSDate(), to.toJSDate()),
    };
  }

  /** `GET /entity-overview`: the figures of an entity's releases card. */
  async entityOverview(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<EntityReleaseOverview> {
    const { entityRef } = parseInput(entityOverviewQuerySchema, query);
    const { store, authorizer } = this.context;
    const visibility = await authorizer.visibility(credentials);
    const list = await store.queries.list(
      releaseListQuerySchema.parse({
        entityRef,
        includeImpacted: 'true',
        orderBy: 'plannedStart',
        order: 'asc',
        limit: 100,
      }),
      visibility,
    );
    const now = this.context.now().getTime();
    const dated = list.items.filter(item => windowOf(item));
    const nextItem = dated.find(item => Date.parse(item.plannedEnd!) > now);

    const rows = await store.impact.conflicts({
      windows: dated.map(item => ({ releaseId: item.id, ...windowOf(item)! })),
      visibility,
    });
    const conflicts = dated.flatMap(item => {
      const mine = rows.filter(row => row.releaseId === item.id);
      if (mine.length === 0) return [];
      const [conflict] = groupConflicts(mine, {
        start: item.plannedStart!,
        end: item.plannedEnd!,
      });
      return [{ release: summaryOf(item), conflict }];
    });

    const blackouts = [];
    for (const item of dated) {
      const window = windowOf(item)!;
      // Only releases meeting some occurrence need their touched entities.
      if (
        occurrencesBetween(
          this.context.blackoutWindows,
          window.start,
          window.end,
        ).length === 0
      ) {
        continue;
      }
      const touched = await store.impact.listForRelease(item.id);
      for (const blackout of blackoutHits(
        this.context.blackoutWindows,
        window,
        touched,
      )) {
        blackouts.push({ release: summaryOf(item), blackout });
      }
    }

    let next: EntityReleaseOverview['next'] = null;
    if (nextItem) {
      const item = withoutRuleFacts(nextItem);
      const [allowedActions] = await authorizer.allowedActionsOfEach(
        [nextItem],
        credentials,
      );
      const touches = await store.impact.touches([item.id], entityRef);
      next = { ...item, allowedActions, touch: touches.get(item.id) };
    }
    return {
      entityRef,
      inFlight: OPEN_STATUSES.reduce(
        (sum, status) => sum + (list.countsByStatus[status] ?? 0),
        0,
      ),
      countsByStatus: list.countsByStatus,
      next,
      conflicts,
      blackouts,
    };
  }

  private async ciRefs(releaseId: string): Promise<string[]> {
    const relations = await this.context.store.relations.listForRelease(
      releaseId,
    );
    return relations.flatMap(r => (r.kind === 'ci' ? [r.entityRef] : []));
  }

  private async walk(
    releaseId: string,
    cis: string[],
    depth: number,
    credentials: BackstageCredentials,
  ): Promise<ReleaseImpact> {
    const { relations: followed } = this.context.impact;
    const walk = await walkImpact({
      cis,
      depth,
      relations: followed,
      read: catalogNodeReader(this.context.catalog, credentials),
    });
    return { releaseId, depth, relations: followed, ...walk };
  }
}

function summaryOf(item: ReleaseSummary) {
  return {
    id: item.id,
    number: item.number,
    title: item.title,
    status: item.status,
    manager: item.manager,
    priority: item.priority,
    window: { start: item.plannedStart!, end: item.plannedEnd! },
  };
}
