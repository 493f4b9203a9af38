/**
 * Impact, conflicts and blackout windows (docs/impact.md): what a release
 * reaches in the catalog, and what stands in the way of its planned window.
 */
import type {
  CiRole,
  Priority,
  Release,
  ReleaseListItem,
  ReleaseStatus,
} from './types';

/**
 * Catalog relations followed from a CI to what a change to it affects: who
 * depends on it, what it is part of (up to systems and domains), the APIs
 * it provides and who consumes them.
 *
 * @public
 */
export const DEFAULT_IMPACT_RELATIONS = [
  'dependencyOf',
  'partOf',
  'providesApi',
  'apiConsumedBy',
];

/** @public */
export const DEFAULT_IMPACT_DEPTH = 3;

/** The deepest walk a caller may ask for. @public */
export const MAX_IMPACT_DEPTH = 8;

/** One hop of an impact path: `from` has relation `relation` to `to`. @public */
export type ImpactPathStep = {
  from: string;
  relation: string;
  to: string;
};

/** An entity a release reaches. @public */
export type ImpactedEntity = {
  entityRef: string;
  kind: string;
  title: string;
  /** The owner's entity ref, when the catalog names one. */
  owner: string | null;
  tags: string[];
  /** The entity's `spec.lifecycle` (e.g. `production`), when it has one. */
  lifecycle: string | null;
  /** 0 for a CI related to the release, else the number of hops. */
  distance: number;
  /** The related CI the shortest path starts from. */
  via: string;
  /** The shortest path from `via`; empty for the CI itself. */
  path: ImpactPathStep[];
};

/** `GET /releases/:id/impact`. @public */
export type ReleaseImpact = {
  releaseId: string;
  depth: number;
  relations: string[];
  /** Every entity reached, the related CIs first, by distance. */
  entities: ImpactedEntity[];
  /** Related CIs or relation targets the catalog no longer has (or hides). */
  missing: string[];
  /** True when the walk stopped at its size limit before `depth`. */
  truncated: boolean;
};

/** How a release touches an entity. @public */
export type ReleaseTouch =
  | { kind: 'direct'; role: CiRole | null }
  | {
      kind: 'impacted';
      distance: number;
      via: string;
      path: ImpactPathStep[];
    };

/** A row of `GET /releases?entityRef=…`: the release and how it touches the entity. @public */
export type EntityReleaseItem = ReleaseListItem & { touch?: ReleaseTouch };

/** A planned window. @public */
export type ReleaseWindow = { start: string; end: string };

/** The release another one collides with. @public */
export type ConflictingRelease = Pick<
  Release,
  'id' | 'number' | 'title' | 'status' | 'manager'
> & { priority: Priority; window: ReleaseWindow };

/**
 * Another open release whose planned window overlaps and that touches an
 * entity this release touches, directly or through impact.
 *
 * @public
 */
export type ReleaseConflict = {
  release: ConflictingRelease;
  window: ReleaseWindow;
  /** The entities both releases touch (at most a few, nearest first). */
  sharedEntityRefs: string[];
};

/** @public */
export const BLACKOUT_RECURRENCES = ['none', 'weekly', 'yearly'] as const;
/** @public */
export type BlackoutRecurrence = (typeof BLACKOUT_RECURRENCES)[number];

/** A configured blackout window (`release.blackoutWindows`). @public */
export type BlackoutWindow = {
  name: string;
  description: string | null;
  /** The first occurrence; recurrence repeats it. */
  start: string;
  end: string;
  recurrence: BlackoutRecurrence;
  /** Applies only to releases touching one of these entities (or any, if both filters are empty). */
  entityRefs: string[];
  /** Applies only to releases touching an entity with one of these tags. */
  tags: string[];
};

/** One occurrence of a blackout window. @public */
export type BlackoutOccurrence = Omit<BlackoutWindow, 'start' | 'end'> & {
  start: string;
  end: string;
};

/** `GET /blackouts?from&to`. @public */
export type BlackoutList = {
  windows: BlackoutWindow[];
  occurrences: BlackoutOccurrence[];
};

/** A blackout occurrence that a release's window meets. @public */
export type BlackoutHit = BlackoutOccurrence & {
  /** The touched entities that made a filtered window apply. */
  matchedEntityRefs: string[];
};

/** `GET /releases/:id/conflicts`: what `authorize` checks. @public */
export type ReleaseConflicts = {
  window: ReleaseWindow | null;
  conflicts: ReleaseConflict[];
  blackouts: BlackoutHit[];
};

/** `GET /entity-overview?entityRef=…`: the entity card's figures. @public */
export type EntityReleaseOverview = {
  entityRef: string;
  /** Open releases touching the entity, directly or through impact. */
  inFlight: number;
  countsByStatus: Partial<Record<ReleaseStatus, number>>;
  /** The open release with the next planned window that has not ended. */
  next: EntityReleaseItem | null;
  /** Open releases touching the entity that conflict with another release. */
  conflicts: Array<{
    release: ConflictingRelease;
    conflict: ReleaseConflict;
  }>;
  /** Open releases touching the entity whose window meets a blackout. */
  blackouts: Array<{ release: ConflictingRelease; blackout: BlackoutHit }>;
};
