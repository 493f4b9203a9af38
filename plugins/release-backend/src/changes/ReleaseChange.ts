import {
  DefinitiveMediaItem,
  Release,
  ReleaseAction,
  ReleaseActivity,
  ReleaseRelation,
  ReleaseStatus,
} from '@internal/plugin-release-common';

/**
 * What a committed change did, as its transaction returns it: the release
 * row as written and what happened to it. The after-commit step reads
 * nothing else (docs/workflow.md#after-a-change-is-committed).
 */
export type ReleaseChange =
  | {
      kind: 'registered';
      release: Release;
      /** Registered with CIs: without, it touches nothing yet. */
      withCis: boolean;
    }
  | {
      kind: 'edited';
      release: Release;
      fields: string[];
      approvalRequested?: ApprovalRequested;
    }
  | {
      kind: 'transitioned';
      release: Release;
      action: ReleaseAction;
      fromStatus: ReleaseStatus;
      toStatus: ReleaseStatus;
      /** Taken by the scheduler (a resume at its date), not by a person. */
      automatic: boolean;
      approvalRequested?: ApprovalRequested;
    }
  | {
      kind: 'activity';
      release: Release;
      change: 'added' | 'updated' | 'removed';
      activity: ReleaseActivity;
      /** The activity has an assignee it did not have before. */
      assigned: boolean;
    }
  | {
      kind: 'relation';
      release: Release;
      change: 'added' | 'removed';
      relation: ReleaseRelation;
      /** Entities the release touched before, which a removal may leave. */
      touchedBefore: string[];
    }
  | {
      kind: 'media';
      release: Release;
      change: 'added' | 'removed';
      item: DefinitiveMediaItem;
    }
  | {
      kind: 'catalogue';
      subject: 'portfolio' | 'model' | 'justification';
      change: 'created' | 'updated';
      id: string;
    };

/**
 * An approval step the change started: its approvers are asked for their
 * decision (docs/approvals.md#the-approval-round).
 */
export type ApprovalRequested = {
  position: number;
  name: string;
  approvers: string[];
};

/** What the approvers of a step that starts are asked. */
export function approvalRequestOf(step: ApprovalRequested): ApprovalRequested {
  return {
    position: step.position,
    name: step.name,
    approvers: step.approvers,
  };
}

/** A change's kind, for tables keyed by it. */
export type ReleaseChangeKind = ReleaseChange['kind'];

/** What a use case's transaction hands to the after-commit step. */
export type Committed<T> = { result: T; change: ReleaseChange };
