import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Release, ReleaseStatus } from '@internal/plugin-release-common';
import { ApprovalRound, StoredStep } from '../database/ApprovalRepository';
import { NewHistoryEntry } from '../database/HistoryRepository';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { actorOf } from './audit';
import { policyOf, resolveRoundSteps } from './approvalPolicies';
import { ServiceContext } from './ServiceContext';

/** Why a round's decisions no longer hold. */
export type InvalidationReason =
  | 'window changed'
  | 'configuration items changed';

/** A new round replacing one whose decisions an edit invalidated. */
export type RestartedRound = {
  /** The release's status with the new round. */
  status: ReleaseStatus;
  round: ApprovalRound;
  /** The step whose approvers are asked, when one applies. */
  current: StoredStep | undefined;
  /** Written once the release's update has succeeded. */
  write: (tx: ReleaseRepositories) => Promise<void>;
};

/**
 * The new round an edit starts, in the edit's transaction, when it changes
 * what the approvers approved (the window, the CIs) of a release awaiting
 * approval or authorized through a round; undefined otherwise
 * (docs/approvals.md#invalidation). `edited` is the release as the edit
 * leaves it. Old decisions stay, under their round.
 */
export async function restartedRound(
  context: ServiceContext,
  tx: ReleaseRepositories,
  before: Release,
  edited: Release,
  reason: InvalidationReason,
  credentials: BackstageCredentials,
): Promise<RestartedRound | undefined> {
  const previous = await tx.approvals.getRound(before.id);
  // A round whose steps all were left out approved nothing: the release
  // was authorized at once, as without a policy.
  const approvedBySomeone = previous.steps.some(
    step => step.status !== 'not-required',
  );
  const holds =
    (before.status === 'awaiting-approval' && previous.status === 'awaiting') ||
    (before.status === 'authorized' &&
      previous.status === 'approved' &&
      approvedBySomeone);
  if (!holds) {
    return undefined;
  }
  const policy = await policyOf(tx, edited);
  if (!policy.policy) {
    // The policy was removed since: nothing is approved any more by a
    // round, and an edit changes nothing of an authorization by one action.
    return undefined;
  }
  const steps = await resolveRoundSteps(context, tx, edited, policy);
  const current = steps.find(step => step.status === 'current');
  const at = context.now();
  // Nothing to approve any more: the release goes back to planning and its
  // manager requests authorization again.
  const status: ReleaseStatus = current ? 'awaiting-approval' : 'planning';
  const round: ApprovalRound = {
    round: previous.round + 1,
    status: current ? 'awaiting' : 'invalidated',
    currentStep: current?.position ?? null,
    requestedBy: previous.requestedBy,
    requestedAt: at.toISOString(),
    steps,
  };
  const history: NewHistoryEntry = {
    releaseId: before.id,
    at,
    actor: actorOf(credentials),
    kind: 'approval',
    action: 'new-round',
    fromStatus: before.status === status ? null : before.status,
    toStatus: before.status === status ? null : status,
    changes: { approvalRound: { before: previous.round, after: round.round } },
    justificationId: null,
    comment: current
      ? `${reason}: the decisions of round ${previous.round} no longer hold`
      : `${reason}: no approval step applies any more; request authorization again`,
  };
  return {
    status,
    round,
    current,
    write: async written => {
      await written.approvals.writeRound(before.id, round);
      await written.history.append(history);
    },
  };
}
