import {
  ApprovalPolicy,
  Portfolio,
  Release,
  ReleaseApprovals,
  ReleaseModel,
} from '@internal/plugin-release-common';

/** The policy a release's approval round follows, and where it came from. */
export type EffectivePolicy = {
  policy: ApprovalPolicy | null;
  source: ReleaseApprovals['policySource'];
  emergency: boolean;
};

/**
 * The model's policy, else the portfolio's; for an emergency release the
 * emergency policies come first, then the standard ones
 * (docs/approvals.md#policies).
 */
export function effectivePolicy(
  release: Pick<Release, 'type'>,
  portfolio:
    | Pick<Portfolio, 'approvalPolicy' | 'emergencyApprovalPolicy'>
    | undefined,
  model:
    | Pick<ReleaseModel, 'approvalPolicy' | 'emergencyApprovalPolicy'>
    | undefined,
): EffectivePolicy {
  const emergency = release.type === 'emergency';
  type Candidate = [ApprovalPolicy | null | undefined, 'model' | 'portfolio'];
  const emergencyFirst: Candidate[] = emergency
    ? [
        [model?.emergencyApprovalPolicy, 'model'],
        [portfolio?.emergencyApprovalPolicy, 'portfolio'],
      ]
    : [];
  const candidates: Candidate[] = [
    ...emergencyFirst,
    [model?.approvalPolicy, 'model'],
    [portfolio?.approvalPolicy, 'portfolio'],
  ];
  for (const [policy, source] of candidates) {
    if (policy) {
      return { policy, source, emergency };
    }
  }
  return { policy: null, source: 'none', emergency };
}
