import { ApprovalRound } from '../database/ApprovalRepository';

/**
 * The round of a release cancelled while it awaited approval
 * (docs/approvals.md#the-approval-round): nobody is asked any more, and the
 * step that was current is left undecided.
 */
export function withdrawRound(round: ApprovalRound): ApprovalRound {
  return {
    ...round,
    status: 'withdrawn',
    currentStep: null,
    steps: round.steps.map(step =>
      step.status === 'current' ? { ...step, status: 'waiting' } : step,
    ),
  };
}
