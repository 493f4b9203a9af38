import {
  ApprovalDecision,
  ApprovalDecisionRecord,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { ApprovalRound, StoredStep } from '../database/ApprovalRepository';
import { quorumMet } from './quorum';

/** What a decision does to the round, and to the release's status. */
export type RoundOutcome = {
  round: ApprovalRound;
  /** Set when the release leaves awaiting-approval. */
  status?: Extract<ReleaseStatus, 'authorized' | 'planning'>;
  /** The step that starts, when the decision closed the one before. */
  started?: StoredStep;
};

/**
 * The round after a decision on its current step
 * (docs/approvals.md#the-approval-round): a rejection ends it and sends the
 * release back to planning; an approval that meets the quorum starts the
 * next applicable step, or, after the last, authorizes the release.
 */
export function advanceRound(
  round: ApprovalRound,
  decision: ApprovalDecision,
  stepDecisions: ReadonlyArray<
    Pick<ApprovalDecisionRecord, 'decision' | 'approver' | 'onBehalfOf'>
  >,
): RoundOutcome {
  const position = round.currentStep!;
  const current = round.steps[position - 1];
  const withStatus = (status: StoredStep['status']) =>
    round.steps.map(step =>
      step.position === position ? { ...step, status } : step,
    );
  if (decision === 'rejected') {
    return {
      round: {
        ...round,
        status: 'rejected',
        currentStep: null,
        steps: withStatus('rejected'),
      },
      status: 'planning',
    };
  }
  if (!quorumMet(current, stepDecisions)) {
    return { round };
  }
  const steps = withStatus('approved');
  const next = steps.find(
    step => step.position > position && step.status === 'waiting',
  );
  if (!next) {
    return {
      round: { ...round, status: 'approved', currentStep: null, steps },
      status: 'authorized',
    };
  }
  const started = { ...next, status: 'current' as const };
  return {
    round: {
      ...round,
      currentStep: next.position,
      steps: steps.map(step =>
        step.position === next.position ? started : step,
      ),
    },
    started,
  };
}
