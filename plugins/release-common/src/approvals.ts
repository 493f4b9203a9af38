/**
 * Change-advisory approvals and readiness (docs/approvals.md): the policy a
 * portfolio or release model sets, and the round a release goes through
 * between planning and authorized.
 */
import type { Level, ReleaseType } from './types';
import type { CiKind } from './entityRefs';

/** Who may approve a step. @public */
export const APPROVER_SOURCES = [
  'group',
  'impacted-owners',
  'requester',
] as const;

/**
 * One source of approvers. `impacted-owners` are the owners the impact index
 * records for the entities the release reaches, of the given kinds, at most
 * `maxDistance` hops from a related CI (0 = the related CIs themselves).
 *
 * @public
 */
export type ApproverSource =
  | { kind: 'group'; group: string }
  | { kind: 'impacted-owners'; entityKinds: CiKind[]; maxDistance: number }
  | { kind: 'requester' };

/** When a step applies to a release. @public */
export type ApprovalCondition =
  | { kind: 'always' }
  | { kind: 'risk-at-least'; level: Level }
  | { kind: 'type-is'; types: ReleaseType[] };

/** How many approvals close a step: a number of people, or every approver. @public */
export type ApprovalQuorum = number | 'all';

/** @public */
export type ApprovalStep = {
  name: string;
  /** The union of these sources approves the step. */
  approvers: ApproverSource[];
  quorum: ApprovalQuorum;
  condition: ApprovalCondition;
};

/** Ordered steps; a step starts when the one before it is approved. @public */
export type ApprovalPolicy = { steps: ApprovalStep[] };

/** @public */
export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
/** @public */
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** One person's decision on one step of one round. @public */
export type ApprovalDecisionRecord = {
  id: string;
  round: number;
  step: number;
  /** The user who decided. */
  approver: string;
  /** The step's approver refs (groups or users) the decision counted for. */
  onBehalfOf: string[];
  decision: ApprovalDecision;
  comment: string | null;
  decidedAt: string;
};

/** @public */
export const APPROVAL_STEP_STATUSES = [
  'waiting',
  'current',
  'approved',
  'rejected',
  'not-required',
] as const;
/** @public */
export type ApprovalStepStatus = (typeof APPROVAL_STEP_STATUSES)[number];

/** A step of the release's current round, its approvers resolved. @public */
export type ApprovalStepState = {
  /** 1-based position in the policy. */
  position: number;
  name: string;
  quorum: ApprovalQuorum;
  /**
   * Entity refs (groups or users) whose members may approve, resolved when
   * the round started (owners through the impact index).
   */
  approvers: string[];
  /**
   * Set when the policy's approvers resolved to nobody who can decide (no
   * impacted owner, or owner groups without members): the portfolio's
   * authorizer group stands in, and this says why.
   */
  fallbackReason: string | null;
  status: ApprovalStepStatus;
  /** Why a step's condition left it out, e.g. "risk is low, below high". */
  notRequiredBecause: string | null;
  decisions: ApprovalDecisionRecord[];
};

/** @public */
export const APPROVAL_ROUND_STATUSES = [
  'none',
  'awaiting',
  'approved',
  'rejected',
  'invalidated',
  'withdrawn',
] as const;
/** @public */
export type ApprovalRoundStatus = (typeof APPROVAL_ROUND_STATUSES)[number];

/** The release's approval round, in `GET /releases/:id`. @public */
export type ReleaseApprovals = {
  /** 0 until authorization is first requested; each new round adds one. */
  round: number;
  status: ApprovalRoundStatus;
  /** Whether the emergency policy applies (an emergency release). */
  emergency: boolean;
  /** Where the policy came from. */
  policySource: 'model' | 'portfolio' | 'none';
  requestedBy: string | null;
  requestedAt: string | null;
  /** 1-based; null unless the round is awaiting. */
  currentStep: number | null;
  steps: ApprovalStepState[];
  /** Whether the caller may decide the current step now. */
  mayDecide: boolean;
  /** Why not, when the caller is an approver but may not decide. */
  mayNotDecideBecause: string | null;
};

/**
 * What a model may require before authorization is requested
 * (docs/approvals.md#readiness).
 *
 * @public
 */
export const READINESS_ITEMS = [
  'deployment-activities',
  'backout-plan',
  'test-evidence',
  'definitive-media',
  'knowledge-article',
  'change-record',
] as const;
/** @public */
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

/** One line of the release page's checklist. @public */
export type ReadinessCheck = { item: ReadinessItem; present: boolean };

/** What readiness is judged on: the release page has all of it. @public */
export type ReadinessFacts = {
  backoutPlan: string | null;
  testEvidenceUrl: string | null;
  activities: ReadonlyArray<{ phase: string }>;
  mediaCount: number;
  /** The kinds of the release's relations to other systems' records. */
  externalRelationKinds: ReadonlyArray<string>;
};

const readinessTests: Record<
  ReadinessItem,
  (facts: ReadinessFacts) => boolean
> = {
  'deployment-activities': facts =>
    facts.activities.some(activity => activity.phase === 'deployment'),
  'backout-plan': facts => Boolean(facts.backoutPlan?.trim()),
  'test-evidence': facts => Boolean(facts.testEvidenceUrl?.trim()),
  'definitive-media': facts => facts.mediaCount > 0,
  'knowledge-article': facts =>
    facts.externalRelationKinds.includes('knowledge'),
  'change-record': facts => facts.externalRelationKinds.includes('change'),
};

/**
 * The model's readiness items, each present or missing, in the model's
 * order (docs/approvals.md#readiness).
 *
 * @public
 */
export function checkReadiness(
  items: ReadonlyArray<ReadinessItem>,
  facts: ReadinessFacts,
): ReadinessCheck[] {
  return items.map(item => ({ item, present: readinessTests[item](facts) }));
}
