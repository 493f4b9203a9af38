import {
  ApprovalDecisionRecord,
  ApprovalStepState,
} from '@internal/plugin-release-common';

/**
 * Whether a step's approvals meet its quorum: N distinct people, or, for
 * `all`, every approver ref of the step approved by at least one person it
 * stands for (docs/approvals.md#the-approval-round).
 */
export function quorumMet(
  step: Pick<ApprovalStepState, 'quorum' | 'approvers'>,
  decisions: ReadonlyArray<
    Pick<ApprovalDecisionRecord, 'decision' | 'approver' | 'onBehalfOf'>
  >,
): boolean {
  const approvals = decisions.filter(d => d.decision === 'approved');
  if (step.quorum === 'all') {
    return step.approvers.every(ref =>
      approvals.some(d => d.onBehalfOf.includes(ref)),
    );
  }
  return new Set(approvals.map(d => d.approver)).size >= step.quorum;
}
