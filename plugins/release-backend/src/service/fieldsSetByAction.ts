import {
  Release,
  ReleaseAction,
  targetStatus,
  TransitionInput,
} from '@internal/plugin-release-common';

/**
 * The status an action leads to and the fields it sets besides
 * (docs/workflow.md#actions), for a transition and for the example history.
 */
export function fieldsSetByAction(
  release: Release,
  action: ReleaseAction,
  input: TransitionInput,
  at: Date,
): Partial<Release> & Pick<Release, 'status'> {
  const status = targetStatus(release, action);
  const now = at.toISOString();
  switch (action) {
    case 'deploy':
      return { status, actualStart: now };
    case 'execute':
      return { status, actualEnd: now };
    case 'rework':
      return { status, reworkCount: release.reworkCount + 1 };
    case 'close':
      return {
        status,
        outcome: input.outcome!,
        closureNotes: input.closureNotes?.trim() || null,
        closedAt: now,
      };
    case 'suspend':
      return {
        status,
        suspendedFrom: release.status,
        resumeAt: input.resumeAt ?? null,
      };
    case 'resume':
      return { status, suspendedFrom: null, resumeAt: null };
    case 'cancel':
      return { status, suspendedFrom: null, resumeAt: null, closedAt: now };
    case 'reopen':
      return {
        status,
        reopenCount: release.reopenCount + 1,
        outcome: null,
        closureNotes: null,
        closedAt: null,
      };
    default:
      return { status };
  }
}
