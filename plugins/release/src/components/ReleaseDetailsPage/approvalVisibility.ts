import {
  ReleaseApprovals,
  ReleaseDetails,
} from '@internal/plugin-release-common';

/**
 * Whether the release page shows the approval round: not for a release
 * no policy applies to that has never asked for authorization.
 */
export function showsApprovalRound(
  approvals: ReleaseApprovals | undefined,
): approvals is ReleaseApprovals {
  return (
    !!approvals && !(approvals.round === 0 && approvals.policySource === 'none')
  );
}

/**
 * Whether the release page shows the readiness checklist: while the release
 * is prepared for authorization or waits for it, when its model asks for
 * anything (docs/approvals.md#readiness).
 */
export function showsReadiness(release: ReleaseDetails): boolean {
  return (
    (release.status === 'planning' || release.status === 'awaiting-approval') &&
    (release.readiness?.length ?? 0) > 0
  );
}

/** The step the caller is asked to decide now, if any. */
export function stepToDecide(approvals: ReleaseApprovals | undefined) {
  if (!approvals?.mayDecide || approvals.currentStep === null) return undefined;
  return approvals.steps.find(step => step.position === approvals.currentStep);
}
