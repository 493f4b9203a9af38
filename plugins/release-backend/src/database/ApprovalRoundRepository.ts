import {
  ApprovalDecisionRecord,
  ApprovalStepState,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';

/** A round as it starts: its steps resolved, one of them current. */
export type OpenedApprovalRound = {
  round: number;
  /** 1-based position of the step awaiting decisions. */
  currentStep: number;
  requestedBy: string;
  requestedAt: Date;
  /** The steps with their approvers resolved; decisions are rows of their own. */
  steps: ApprovalStepState[];
};

/**
 * The approval round's own columns of `releases`, its decisions
 * (`release_approvals`) and the current step's approvers
 * (`release_step_approvers`, which "awaiting my approval" filters on)
 * (docs/approvals.md).
 */
export class ApprovalRoundRepository {
  constructor(private readonly db: Knex) {}

  /** Makes the release await `round.currentStep`'s approvers. */
  async open(releaseId: string, round: OpenedApprovalRound): Promise<void> {
    const current = round.steps.find(
      step => step.position === round.currentStep,
    );
    if (!current) {
      throw new Error(
        `Approval round ${round.round} has no step ${round.currentStep}`,
      );
    }
    await this.db('releases')
      .where({ id: releaseId })
      .update({
        approval_round: round.round,
        approval_status: 'awaiting',
        approval_step: round.currentStep,
        approval_requested_by: round.requestedBy,
        approval_requested_at: round.requestedAt,
        approval_steps: JSON.stringify(
          round.steps.map(step => ({ ...step, decisions: [] })),
        ),
      });
    await this.db('release_step_approvers')
      .where({ release_id: releaseId })
      .delete();
    await this.db('release_step_approvers').insert(
      [...new Set(current.approvers)].map(approverRef => ({
        release_id: releaseId,
        approver_ref: approverRef,
      })),
    );
  }

  /** Records one person's decision on a step (one per person per step). */
  async recordDecision(
    releaseId: string,
    decision: ApprovalDecisionRecord,
  ): Promise<void> {
    await this.db('release_approvals').insert({
      id: decision.id,
      release_id: releaseId,
      round: decision.round,
      step: decision.step,
      approver: decision.approver,
      on_behalf_of: JSON.stringify(decision.onBehalfOf),
      decision: decision.decision,
      comment: decision.comment,
      decided_at: new Date(decision.decidedAt),
    });
  }
}
