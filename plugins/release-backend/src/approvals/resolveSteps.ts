import { ConflictError } from '@backstage/errors';
import {
  ApprovalCondition,
  ApprovalPolicy,
  ApproverSource,
  LEVELS,
  Release,
} from '@internal/plugin-release-common';
import { StoredStep } from '../database/ApprovalRepository';

/** What resolving a policy's steps needs to ask. */
export type StepResolver = {
  /** Distinct owners in the release's impact index (docs/impact.md). */
  impactedOwners(entityKinds: string[], maxDistance: number): Promise<string[]>;
  /** The groups among these refs that have at least one member. */
  groupsWithMembers(groupRefs: string[]): Promise<Set<string>>;
  /** The portfolio's authorizer group, which stands in for nobody. */
  authorizerGroup: string | null;
};

/** Why a step's condition leaves it out, or null when it applies. */
export function notRequiredBecause(
  condition: ApprovalCondition,
  release: Pick<Release, 'risk' | 'type'>,
): string | null {
  switch (condition.kind) {
    case 'risk-at-least':
      return LEVELS.indexOf(release.risk) >= LEVELS.indexOf(condition.level)
        ? null
        : `risk is ${release.risk}, below ${condition.level}`;
    case 'type-is':
      return condition.types.includes(release.type)
        ? null
        : `type is ${release.type}, not ${condition.types.join(' or ')}`;
    default:
      return null;
  }
}

async function approversFrom(
  sources: ApproverSource[],
  release: Pick<Release, 'requester'>,
  resolver: StepResolver,
): Promise<string[]> {
  const refs: string[] = [];
  for (const source of sources) {
    if (source.kind === 'group') {
      refs.push(source.group);
    } else if (source.kind === 'requester') {
      refs.push(release.requester);
    } else {
      refs.push(
        ...(await resolver.impactedOwners(
          source.entityKinds,
          source.maxDistance,
        )),
      );
    }
  }
  return [...new Set(refs.map(ref => ref.toLocaleLowerCase()))];
}

/**
 * Whether anyone can decide for these refs: a user, or a group with
 * members. When nobody can, says why.
 */
async function nobodyDecidesBecause(
  approvers: string[],
  resolver: StepResolver,
): Promise<string | null> {
  if (approvers.length === 0) {
    return 'its approvers resolved to nobody (no impacted owner)';
  }
  if (approvers.some(ref => !ref.startsWith('group:'))) {
    return null;
  }
  const withMembers = await resolver.groupsWithMembers(approvers);
  if (withMembers.size > 0) {
    return null;
  }
  return `${approvers.join(', ')} ${
    approvers.length === 1 ? 'has' : 'have'
  } no members in the catalog`;
}

/**
 * A policy's steps for this release: each step's condition decides whether
 * it applies, and its sources become entity refs; a step nobody could
 * decide falls to the portfolio's authorizer group, saying why
 * (docs/approvals.md#the-approval-round). The first applicable step is
 * current, the others wait.
 */
export async function resolveSteps(
  policy: ApprovalPolicy,
  release: Pick<Release, 'number' | 'risk' | 'type' | 'requester'>,
  resolver: StepResolver,
): Promise<StoredStep[]> {
  const steps: StoredStep[] = [];
  for (const [index, step] of policy.steps.entries()) {
    const because = notRequiredBecause(step.condition, release);
    const common = {
      position: index + 1,
      name: step.name,
      quorum: step.quorum,
    };
    if (because) {
      steps.push({
        ...common,
        approvers: [],
        fallbackReason: null,
        status: 'not-required',
        notRequiredBecause: because,
      });
      continue;
    }
    let approvers = await approversFrom(step.approvers, release, resolver);
    const fallbackReason = await nobodyDecidesBecause(approvers, resolver);
    if (fallbackReason) {
      if (!resolver.authorizerGroup) {
        throw new ConflictError(
          `Cannot request authorization of ${release.number}: step ${common.position} ` +
            `"${step.name}" has nobody to decide it (${fallbackReason}) and the ` +
            'portfolio has no authorizer group to stand in',
        );
      }
      approvers = [resolver.authorizerGroup];
    }
    steps.push({
      ...common,
      approvers,
      fallbackReason: fallbackReason
        ? `${fallbackReason}; the portfolio's authorizer group decides`
        : null,
      status: 'waiting',
      notRequiredBecause: null,
    });
  }
  const first = steps.find(step => step.status === 'waiting');
  if (first) {
    first.status = 'current';
  }
  return steps;
}
