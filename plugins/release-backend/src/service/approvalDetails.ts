import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ReadinessCheck,
  releaseApprovePermission,
  ReleaseApprovals,
} from '@internal/plugin-release-common';
import { readinessOf } from '../approvals/readinessFacts';
import { separationOfDutiesBlocks } from '../approvals/separationOfDuties';
import { ApprovalRound } from '../database/ApprovalRepository';
import { ReleasePermissionResource } from '../permissions';
import { userRefOf } from './audit';
import { ownershipRefsOf, policyOf } from './approvalPolicies';
import type { ReleaseParts, ServiceContext } from './ServiceContext';

type Decidability = Pick<ReleaseApprovals, 'mayDecide' | 'mayNotDecideBecause'>;

/**
 * Whether the caller may decide the current step now, and, when they are
 * one of its approvers but may not, why (docs/approvals.md#permissions).
 */
async function decidability(
  context: ServiceContext,
  release: ReleasePermissionResource,
  round: ApprovalRound,
  decided: string[],
  credentials: BackstageCredentials,
): Promise<Decidability> {
  const no = (because: string | null) => ({
    mayDecide: false,
    mayNotDecideBecause: because,
  });
  const user = userRefOf(credentials);
  if (
    !user ||
    release.status !== 'awaiting-approval' ||
    round.status !== 'awaiting' ||
    round.currentStep === null
  ) {
    return no(null);
  }
  const step = round.steps[round.currentStep - 1];
  const refs = await ownershipRefsOf(context, credentials);
  if (!step.approvers.some(ref => refs.includes(ref))) {
    return no(null);
  }
  if (decided.includes(user)) {
    return no(`you already decided step ${step.position}`);
  }
  const blocked = separationOfDutiesBlocks(
    release,
    user,
    context.approvals?.separationOfDuties ?? true,
  );
  if (blocked) {
    return no(blocked);
  }
  if (
    !(await context.authorizer.can(
      releaseApprovePermission,
      release,
      credentials,
    ))
  ) {
    return no('the permission policy does not let you approve this release');
  }
  return { mayDecide: true, mayNotDecideBecause: null };
}

/**
 * The release's approval round as `GET /releases/:id` shows it, with the
 * caller's say in it, and the readiness items its model asks for.
 */
export async function readApprovalState(
  context: ServiceContext,
  release: ReleasePermissionResource,
  credentials: BackstageCredentials,
) {
  const { store } = context;
  const [policy, round] = await Promise.all([
    policyOf(store, release),
    store.approvals.getRound(release.id),
  ]);
  const decisions =
    round.round > 0
      ? await store.approvals.decisions(release.id, round.round)
      : [];
  const current = round.currentStep;
  const approvals: ReleaseApprovals = {
    round: round.round,
    status: round.status,
    emergency: policy.emergency,
    policySource: policy.source,
    requestedBy: round.requestedBy,
    requestedAt: round.requestedAt,
    currentStep: round.status === 'awaiting' ? current : null,
    steps: round.steps.map(step => ({
      ...step,
      decisions: decisions.filter(d => d.step === step.position),
    })),
    ...(await decidability(
      context,
      release,
      round,
      decisions.filter(d => d.step === current).map(d => d.approver),
      credentials,
    )),
  };
  return {
    approvals,
    hasApprovalPolicy: policy.policy !== null,
    readiness: (parts: ReleaseParts): ReadinessCheck[] =>
      readinessOf(policy.model?.readiness ?? [], release, parts),
  };
}
