/**
 * The release record and what hangs off it (docs/fields.md).
 * Dates travel as ISO 8601 strings.
 */
import type {
  ApprovalPolicy,
  ReadinessCheck,
  ReadinessItem,
  ReleaseApprovals,
} from './approvals';
import type { EntityReleaseItem } from './impact';
import type { RiskAssessment } from './risk';

/** @public */
export const RELEASE_STATUSES = [
  'registered',
  'planning',
  'awaiting-approval',
  'authorized',
  'deployment',
  'executed',
  'closed',
  'suspended',
  'cancelled',
] as const;
/** @public */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** @public */
export const RELEASE_ACTIONS = [
  'plan',
  'request-authorization',
  'authorize',
  'replan',
  'deploy',
  'execute',
  'rework',
  'close',
  'suspend',
  'resume',
  'cancel',
  'reopen',
] as const;
/** @public */
export type ReleaseAction = (typeof RELEASE_ACTIONS)[number];

/** ITIL release types. @public */
export const RELEASE_TYPES = ['major', 'minor', 'emergency'] as const;
/** @public */
export type ReleaseType = (typeof RELEASE_TYPES)[number];

/** @public */
export const LEVELS = ['low', 'medium', 'high'] as const;
/** Impact, urgency and risk. @public */
export type Level = (typeof LEVELS)[number];

/** 1 is critical, 5 is planning. @public */
export type Priority = 1 | 2 | 3 | 4 | 5;

/** @public */
export const RELEASE_OUTCOMES = [
  'successful',
  'partial',
  'failed',
  'rolled-back',
] as const;
/** @public */
export type ReleaseOutcome = (typeof RELEASE_OUTCOMES)[number];

/** @public */
export const ACTIVITY_PHASES = ['planning', 'deployment'] as const;
/** @public */
export type ActivityPhase = (typeof ACTIVITY_PHASES)[number];

/** @public */
export const ACTIVITY_STATUSES = [
  'pending',
  'in-progress',
  'done',
  'skipped',
  'failed',
] as const;
/** @public */
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** @public */
export const CI_ROLES = ['new', 'updated', 'retired', 'affected'] as const;
/** @public */
export type CiRole = (typeof CI_ROLES)[number];

/** @public */
export const EXTERNAL_RELATION_KINDS = [
  'change',
  'problem',
  'incident',
  'knowledge',
] as const;
/** @public */
export type ExternalRelationKind = (typeof EXTERNAL_RELATION_KINDS)[number];

/** Actions that require a reason from the justification catalogue. @public */
export const JUSTIFIED_ACTIONS = ['suspend', 'cancel', 'reopen'] as const;
/** @public */
export type JustifiedAction = (typeof JUSTIFIED_ACTIONS)[number];

/** @public */
export const MODEL_LIFECYCLES = ['new', 'active', 'retired'] as const;
/** @public */
export type ModelLifecycle = (typeof MODEL_LIFECYCLES)[number];

/** @public */
export type Release = {
  id: string;
  /** Human id, e.g. `REL-000042`. */
  number: string;
  title: string;
  description: string;
  type: ReleaseType;
  impact: Level;
  urgency: Level;
  priority: Priority;
  risk: Level;
  businessJustification: string | null;
  /** How the change is undone if deployment goes wrong. */
  backoutPlan: string | null;
  /** A link to the test results the release relies on. */
  testEvidenceUrl: string | null;
  requester: string;
  manager: string | null;
  executorGroup: string | null;
  portfolioId: string | null;
  modelId: string | null;
  versionLabel: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  outcome: ReleaseOutcome | null;
  closureNotes: string | null;
  status: ReleaseStatus;
  /** The state a suspended release returns to on resume. */
  suspendedFrom: ReleaseStatus | null;
  resumeAt: string | null;
  reworkCount: number;
  reopenCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Optimistic concurrency counter: every change increments it. */
  version: number;
};

/** @public */
export type ReleaseActivity = {
  id: string;
  releaseId: string;
  phase: ActivityPhase;
  position: number;
  title: string;
  description: string;
  assignee: string | null;
  group: string | null;
  dueAt: string | null;
  status: ActivityStatus;
  notes: string | null;
  completedBy: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic concurrency counter of this activity. */
  version: number;
};

/** A catalog entity the release changes. @public */
export type ReleaseCiRelation = {
  id: string;
  kind: 'ci';
  entityRef: string;
  role: CiRole;
  createdBy: string;
  createdAt: string;
  /**
   * When the catalog was first found without this entity (deleted or
   * renamed since it was related); null while it is there.
   */
  missingSince: string | null;
};

/** A record in another system: change, problem, incident, knowledge. @public */
export type ReleaseExternalRelation = {
  id: string;
  kind: ExternalRelationKind;
  key: string;
  title: string;
  url: string | null;
  system: string | null;
  createdBy: string;
  createdAt: string;
};

/** @public */
export type ReleaseRelation = ReleaseCiRelation | ReleaseExternalRelation;

/** A software or hardware item released (definitive media). @public */
export type DefinitiveMediaItem = {
  id: string;
  name: string;
  version: string | null;
  location: string | null;
  checksum: string | null;
  createdBy: string;
  createdAt: string;
};

/** @public */
export type HistoryKind =
  | 'created'
  | 'edited'
  | 'transition'
  | 'activity'
  | 'relation'
  /** A decision on an approval step, or a new round (docs/approvals.md). */
  | 'approval';

/** @public */
export type FieldChange = { before: unknown; after: unknown };

/** @public */
export type ReleaseHistoryEntry = {
  id: string;
  releaseId: string;
  at: string;
  actor: string;
  kind: HistoryKind;
  /** The workflow action, or what happened, e.g. `activity-added`. */
  action: string | null;
  fromStatus: ReleaseStatus | null;
  toStatus: ReleaseStatus | null;
  changes: Record<string, FieldChange>;
  justificationId: string | null;
  comment: string | null;
};

/** @public */
export type Justification = {
  id: string;
  name: string;
  description: string;
  active: boolean;
  appliesTo: JustifiedAction[];
};

/** @public */
export type ActivityTemplate = { title: string; description?: string };

/** @public */
export type Portfolio = {
  id: string;
  name: string;
  description: string;
  icon: string | null;
  ownerGroup: string | null;
  authorizerGroup: string | null;
  /** Null: the authorizer group authorizes in one action, as before. */
  approvalPolicy: ApprovalPolicy | null;
  /** For emergency releases; null: the standard policy applies to them too. */
  emergencyApprovalPolicy: ApprovalPolicy | null;
};

/** @public */
export type ReleaseModel = {
  id: string;
  portfolioId: string;
  name: string;
  description: string;
  category: string | null;
  defaultExecutorGroup: string | null;
  defaultImpact: Level | null;
  defaultUrgency: Level | null;
  lifecycle: ModelLifecycle;
  planningTemplates: ActivityTemplate[];
  deploymentTemplates: ActivityTemplate[];
  /** Null: the portfolio's policy. */
  approvalPolicy: ApprovalPolicy | null;
  /** Null: the portfolio's emergency policy. */
  emergencyApprovalPolicy: ApprovalPolicy | null;
  /** What must be present before authorization is requested. */
  readiness: ReadinessItem[];
  /** Hours from now to the planned start below which lead time counts as a risk. */
  minimumLeadTimeHours: number | null;
};

/** A release as `GET /releases/:id` returns it. @public */
export type ReleaseDetails = Release & {
  activities: ReleaseActivity[];
  relations: ReleaseRelation[];
  media: DefinitiveMediaItem[];
  /** What the caller may do now. */
  allowedActions: ReleaseAction[];
  /** The approval round and the caller's say in it (docs/approvals.md). */
  approvals: ReleaseApprovals;
  /** The explained risk assessment (docs/risk.md). */
  riskAssessment: RiskAssessment;
  /** The model's readiness items, each present or missing. */
  readiness: ReadinessCheck[];
};

/**
 * The long texts a list of releases leaves out: its rows never show them,
 * and they can be 20,000 characters each; the release page has them.
 * @public
 */
export const RELEASE_LONG_TEXT_FIELDS = [
  'description',
  'businessJustification',
  'backoutPlan',
  'closureNotes',
] as const;

/** A release without its long texts, as lists carry it. @public */
export type ReleaseSummary = Omit<
  Release,
  (typeof RELEASE_LONG_TEXT_FIELDS)[number]
>;

/** A row of the desktop: the release and where its work stands. @public */
export type ReleaseListItem = ReleaseSummary & {
  /** The first activity not yet done or skipped, in phase order. */
  currentActivity: Pick<
    ReleaseActivity,
    'id' | 'phase' | 'title' | 'assignee' | 'group' | 'status' | 'dueAt'
  > | null;
  openActivityCount: number;
  /** What the caller may do now. */
  allowedActions: ReleaseAction[];
};

/** `GET /releases`. @public */
export type ReleaseList = {
  /** With `entityRef`, each item says how it touches the entity. */
  items: EntityReleaseItem[];
  totalCount: number;
  countsByStatus: Partial<Record<ReleaseStatus, number>>;
};

/** `GET /releases/breakdown`: the desktop's charts. @public */
export type ReleaseBreakdown = {
  byStatus: Partial<Record<ReleaseStatus, number>>;
  /** Keyed by priority, 1 (critical) to 5. */
  byPriority: Partial<Record<string, number>>;
  /** Largest first; `group` is null for releases without an executor group. */
  byExecutorGroup: Array<{ group: string | null; count: number }>;
};

/** `GET /search/closed`. @public */
export type ClosedReleaseSearchResult = {
  items: Release[];
  /** Matches, counted up to 1,000 past the requested offset. */
  totalCount: number;
  /** True when there are more matches than `totalCount`. */
  totalCountCapped: boolean;
};

/** An activity past its due date, with the release it belongs to. @public */
export type OverdueActivity = Pick<
  ReleaseActivity,
  | 'id'
  | 'releaseId'
  | 'phase'
  | 'title'
  | 'assignee'
  | 'group'
  | 'dueAt'
  | 'status'
> & { releaseNumber: string; releaseTitle: string };

/**
 * `GET /portfolios/:id/summary`: the portfolio page for a period
 * (docs/process.md#portfolios-and-release-models).
 *
 * @public
 */
export type PortfolioSummary = {
  portfolio: Portfolio;
  from: string;
  to: string;
  /** Releases open at some point in the period, by their state now. */
  byStatus: Partial<Record<ReleaseStatus, number>>;
  /** Releases closed in the period, by outcome. */
  outcomes: Partial<Record<ReleaseOutcome, number>>;
  /** Share of releases closed in the period whose outcome was successful. */
  successRate: number | null;
  /** From registration to close, for releases closed in the period. */
  leadTimeHours: { average: number; median: number; count: number } | null;
  /** Planned windows meeting the period. */
  roadmap: Release[];
  /** Open releases whose window starts from now on. */
  upcoming: Release[];
  overdueActivities: OverdueActivity[];
};
