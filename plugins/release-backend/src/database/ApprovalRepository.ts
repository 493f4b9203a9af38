import {
  ApprovalDecisionRecord,
  ApprovalRoundStatus,
  ApprovalStepState,
  formatReleaseNumber,
  Priority,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';

/** A step of a round as stored: its decisions live in their own table. */
export type StoredStep = Omit<ApprovalStepState, 'decisions'>;

/** A release's approval round, from its columns on `releases`. */
export type ApprovalRound = {
  round: number;
  status: ApprovalRoundStatus;
  /** 1-based, while awaiting. */
  currentStep: number | null;
  requestedBy: string | null;
  requestedAt: string | null;
  steps: StoredStep[];
};

/** A release awaiting one approver ref's decision, for the daily digest. */
export type AwaitingApprovalRow = {
  approverRef: string;
  requestedAt: string;
  release: { id: string; number: string; title: string; priority: Priority };
};

/** A decision about to be written. */
export type NewDecision = Omit<ApprovalDecisionRecord, 'decidedAt'> & {
  decidedAt: Date;
};

/** The round's columns of a release row. */
export function approvalRoundFromRow(row: any): ApprovalRound {
  return {
    round: Number(row.approval_round ?? 0),
    status: (row.approval_status ?? 'none') as ApprovalRoundStatus,
    currentStep:
      row.approval_step === null || row.approval_step === undefined
        ? null
        : Number(row.approval_step),
    requestedBy: row.approval_requested_by ?? null,
    requestedAt: toIso(row.approval_requested_at),
    steps: row.approval_steps ? JSON.parse(row.approval_steps) : [],
  };
}

/** The current step's approver refs, as a stored round says. */
export function currentApproversOf(round: ApprovalRound): string[] {
  if (round.status !== 'awaiting' || round.currentStep === null) {
    return [];
  }
  return round.steps[round.currentStep - 1]?.approvers ?? [];
}

function decisionFromRow(row: any): ApprovalDecisionRecord {
  return {
    id: row.id,
    round: Number(row.round),
    step: Number(row.step),
    approver: row.approver,
    onBehalfOf: JSON.parse(row.on_behalf_of),
    decision: row.decision,
    comment: row.comment,
    decidedAt: toIso(row.decided_at)!,
  };
}

/**
 * Approval rounds (docs/approvals.md#the-approval-round): the round's
 * columns on the release, its decisions, and the current step's approvers
 * kept apart so lists filter on them in SQL. The release's version check
 * is its caller's: these run in the transaction that bumped it.
 */
export class ApprovalRepository {
  constructor(private readonly db: Knex) {}

  async getRound(releaseId: string): Promise<ApprovalRound> {
    const row = await this.db('releases')
      .where({ id: releaseId })
      .first(
        'approval_round',
        'approval_status',
        'approval_step',
        'approval_requested_by',
        'approval_requested_at',
        'approval_steps',
      );
    return approvalRoundFromRow(row ?? {});
  }

  /**
   * Writes the round and replaces the current step's approvers with the
   * ones it names (none unless it is awaiting).
   */
  async writeRound(releaseId: string, round: ApprovalRound): Promise<void> {
    await this.db('releases')
      .where({ id: releaseId })
      .update({
        approval_round: round.round,
        approval_status: round.status,
        approval_step: round.currentStep,
        approval_requested_by: round.requestedBy,
        approval_requested_at: round.requestedAt
          ? new Date(round.requestedAt)
          : null,
        approval_steps: JSON.stringify(round.steps),
      });
    await this.db('release_step_approvers')
      .where({ release_id: releaseId })
      .delete();
    const approvers = [...new Set(currentApproversOf(round))];
    if (approvers.length > 0) {
      await this.db('release_step_approvers').insert(
        approvers.map(ref => ({ release_id: releaseId, approver_ref: ref })),
      );
    }
  }

  /** The decisions of one round, in the order they were taken. */
  async decisions(
    releaseId: string,
    round: number,
  ): Promise<ApprovalDecisionRecord[]> {
    const rows = await this.db('release_approvals')
      .where({ release_id: releaseId, round })
      .orderBy([
        { column: 'decided_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(decisionFromRow);
  }

  /** One person's decision; the unique index refuses a second on a step. */
  async insertDecision(releaseId: string, decision: NewDecision) {
    await this.db('release_approvals').insert({
      id: decision.id,
      release_id: releaseId,
      round: decision.round,
      step: decision.step,
      approver: decision.approver,
      on_behalf_of: JSON.stringify(decision.onBehalfOf),
      decision: decision.decision,
      comment: decision.comment,
      decided_at: decision.decidedAt,
    });
  }

  /**
   * The current steps' approver refs of releases awaiting approval since
   * before `requestedBefore`, oldest request first.
   */
  async listAwaitingSince(
    requestedBefore: Date,
    limit: number,
  ): Promise<AwaitingApprovalRow[]> {
    const rows = await this.db('release_step_approvers')
      .join('releases', 'releases.id', 'release_step_approvers.release_id')
      .where('releases.status', 'awaiting-approval')
      .where('releases.approval_requested_at', '<', requestedBefore)
      .orderBy([
        { column: 'releases.approval_requested_at' },
        { column: 'releases.id' },
        { column: 'release_step_approvers.approver_ref' },
      ])
      .limit(limit)
      .select(
        'release_step_approvers.approver_ref',
        'releases.id',
        'releases.number',
        'releases.title',
        'releases.priority',
        'releases.approval_requested_at',
      );
    return rows.map((row: any) => ({
      approverRef: row.approver_ref,
      requestedAt: toIso(row.approval_requested_at)!,
      release: {
        id: row.id,
        number: formatReleaseNumber(Number(row.number)),
        title: row.title,
        priority: Number(row.priority) as Priority,
      },
    }));
  }

  /**
   * The distinct owners the impact index records for the release's
   * entities of these kinds, at most `maxDistance` hops from a CI.
   */
  async impactedOwners(
    releaseId: string,
    entityKinds: string[],
    maxDistance: number,
  ): Promise<string[]> {
    const rows = await this.db('release_impact')
      .where({ release_id: releaseId })
      .whereIn('kind', entityKinds)
      .where('distance', '<=', maxDistance)
      .whereNotNull('owner')
      .distinct('owner')
      .orderBy('owner');
    return rows.map((row: any) => row.owner as string);
  }
}
