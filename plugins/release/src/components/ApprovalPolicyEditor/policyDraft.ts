import {
  ApprovalPolicy,
  ApprovalStep,
  Level,
  RELEASE_TYPES,
  ReleaseModelRequest,
  ReleaseType,
} from '@internal/plugin-release-common';

/** A policy as the portfolio and model requests take it. */
export type ApprovalPolicyRequest = NonNullable<
  ReleaseModelRequest['approvalPolicy']
>;
type StepRequest = ApprovalPolicyRequest['steps'][number];

/** The kinds whose owners a step may ask (docs/process.md#approval-policies). */
export const OWNER_ENTITY_KINDS = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
] as const;
/** @internal */
export type OwnerEntityKind = (typeof OWNER_ENTITY_KINDS)[number];

/**
 * One step as the form holds it: every choice kept, even those switched
 * off, so unticking and ticking again loses nothing; numbers as typed.
 */
export type StepDraft = {
  /** Keeps a step's fields with it as steps move; never sent. */
  key: number;
  name: string;
  groups: string[];
  impactedOwners: boolean;
  entityKinds: OwnerEntityKind[];
  maxDistance: string;
  requester: boolean;
  quorumAll: boolean;
  quorumCount: string;
  conditionKind: ApprovalStep['condition']['kind'];
  riskLevel: Level;
  types: ReleaseType[];
};

/** A policy as the form holds it; `own: false` is null (inherited or none). */
export type PolicyDraft = { own: boolean; steps: StepDraft[] };

let steps = 0;

export const newStep = (): StepDraft => ({
  key: ++steps,
  name: '',
  groups: [],
  impactedOwners: false,
  entityKinds: ['system'],
  maxDistance: '1',
  requester: false,
  quorumAll: false,
  quorumCount: '1',
  conditionKind: 'always',
  riskLevel: 'high',
  types: ['major'],
});

function stepDraftOf(step: ApprovalStep): StepDraft {
  const draft = newStep();
  draft.name = step.name;
  for (const source of step.approvers) {
    if (source.kind === 'group') draft.groups.push(source.group);
    if (source.kind === 'requester') draft.requester = true;
    if (source.kind === 'impacted-owners') {
      draft.impactedOwners = true;
      draft.entityKinds = source.entityKinds as OwnerEntityKind[];
      draft.maxDistance = String(source.maxDistance);
    }
  }
  draft.quorumAll = step.quorum === 'all';
  if (step.quorum !== 'all') draft.quorumCount = String(step.quorum);
  draft.conditionKind = step.condition.kind;
  if (step.condition.kind === 'risk-at-least') {
    draft.riskLevel = step.condition.level;
  }
  if (step.condition.kind === 'type-is') draft.types = step.condition.types;
  return draft;
}

export function policyDraftOf(policy: ApprovalPolicy | null): PolicyDraft {
  return policy
    ? { own: true, steps: policy.steps.map(stepDraftOf) }
    : { own: false, steps: [] };
}

/** A typed number; what is not one stays NaN for the schema to refuse. */
const numberOf = (text: string) => (text.trim() === '' ? NaN : Number(text));

/**
 * Where each source of a step lands in its `approvers` list, so an error
 * the schema reports at `approvers.2.maxDistance` finds its field: the
 * groups first, then the impacted owners, then the requester.
 */
export function sourcePositions(step: StepDraft) {
  const impactedOwners = step.impactedOwners ? step.groups.length : undefined;
  const requester = step.requester
    ? step.groups.length + (step.impactedOwners ? 1 : 0)
    : undefined;
  return { impactedOwners, requester };
}

function stepOf(draft: StepDraft): StepRequest {
  const approvers: StepRequest['approvers'] = draft.groups.map(group => ({
    kind: 'group' as const,
    group,
  }));
  if (draft.impactedOwners) {
    approvers.push({
      kind: 'impacted-owners',
      // In the order the form lists them, whatever order they were ticked.
      entityKinds: OWNER_ENTITY_KINDS.filter(k =>
        draft.entityKinds.includes(k),
      ),
      maxDistance: numberOf(draft.maxDistance),
    });
  }
  if (draft.requester) approvers.push({ kind: 'requester' });
  let condition: StepRequest['condition'] = { kind: 'always' };
  if (draft.conditionKind === 'risk-at-least') {
    condition = { kind: 'risk-at-least', level: draft.riskLevel };
  }
  if (draft.conditionKind === 'type-is') {
    condition = {
      kind: 'type-is',
      types: RELEASE_TYPES.filter(type => draft.types.includes(type)),
    };
  }
  return {
    name: draft.name.trim(),
    approvers,
    quorum: draft.quorumAll ? 'all' : numberOf(draft.quorumCount),
    condition,
  };
}

/**
 * The policy the draft describes, unchecked: the shared schema says what is
 * wrong with it before it is sent.
 */
export function policyOf(draft: PolicyDraft): ApprovalPolicyRequest | null {
  return draft.own ? { steps: draft.steps.map(stepOf) } : null;
}
