import {
  ApprovalPolicy,
  ApprovalStep,
  ApproverSource,
  Level,
  ReleaseModelRequest,
  ReleaseType,
} from '@internal/plugin-release-common';
import { newOwners, SourceDraft } from './sourceDrafts';

/** A policy as the portfolio and model requests take it. */
export type ApprovalPolicyRequest = NonNullable<
  ReleaseModelRequest['approvalPolicy']
>;
type StepRequest = ApprovalPolicyRequest['steps'][number];
type SourceRequest = StepRequest['approvers'][number];

/**
 * One step as the form holds it: every choice kept, even those switched
 * off, so unticking and ticking again loses nothing; numbers as typed.
 */
export type StepDraft = {
  /** Keeps a step's fields with it as steps move; never sent. */
  key: number;
  name: string;
  /** Every source, owners included even while they are switched off. */
  sources: SourceDraft[];
  /** Whether the owners sources are asked; switched off, they are not sent. */
  impactedOwners: boolean;
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
  sources: [],
  impactedOwners: false,
  quorumAll: false,
  quorumCount: '1',
  conditionKind: 'always',
  riskLevel: 'high',
  types: ['major'],
});

function sourceDraftOf(source: ApproverSource): SourceDraft {
  if (source.kind !== 'impacted-owners') return { ...source };
  return newOwners([...source.entityKinds], String(source.maxDistance));
}

function stepDraftOf(step: ApprovalStep): StepDraft {
  const draft = newStep();
  draft.name = step.name;
  draft.sources = step.approvers.map(sourceDraftOf);
  draft.impactedOwners = step.approvers.some(
    source => source.kind === 'impacted-owners',
  );
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
 * The sources the step sends, in order: an error the schema reports at
 * `approvers.2.maxDistance` is about the third of them.
 */
export const approversSent = (step: StepDraft): SourceDraft[] =>
  step.sources.filter(
    source => step.impactedOwners || source.kind !== 'impacted-owners',
  );

function sourceOf(draft: SourceDraft): SourceRequest {
  if (draft.kind !== 'impacted-owners') return { ...draft };
  return {
    kind: 'impacted-owners',
    // As loaded, or in the form's order once a kind was ticked.
    entityKinds: [...draft.entityKinds],
    maxDistance: numberOf(draft.maxDistance),
  };
}

function stepOf(draft: StepDraft): StepRequest {
  let condition: StepRequest['condition'] = { kind: 'always' };
  if (draft.conditionKind === 'risk-at-least') {
    condition = { kind: 'risk-at-least', level: draft.riskLevel };
  }
  if (draft.conditionKind === 'type-is') {
    condition = {
      kind: 'type-is',
      // As loaded, or in the form's order once a type was ticked.
      types: [...draft.types],
    };
  }
  return {
    name: draft.name.trim(),
    approvers: approversSent(draft).map(sourceOf),
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
