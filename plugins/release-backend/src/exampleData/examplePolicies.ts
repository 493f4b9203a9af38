import { ApprovalPolicy, ReleaseModel } from '@internal/plugin-release-common';

/**
 * The example's approval policies (docs/approvals.md#policies): the
 * standard one asks the owners of what a release touches, then the change
 * advisory board when the risk is high; an emergency release needs one
 * member of the emergency board instead.
 */

/** Step 1: every owner team of the systems and components a release reaches. */
export const OWNERS_STEP = 'Owners of impacted systems';
/** Step 2: one member of the board, for high and critical risks only. */
export const BOARD_STEP = 'Change advisory board';

export const CHANGE_ADVISORY_BOARD = 'group:default/change-advisory-board';
export const EMERGENCY_BOARD = 'group:default/emergency-change-advisory-board';

export const reviewedReleasePolicy: ApprovalPolicy = {
  steps: [
    {
      name: OWNERS_STEP,
      // The touched components and their systems (one hop: `partOf`), and
      // whatever depends on them directly.
      approvers: [
        {
          kind: 'impacted-owners',
          entityKinds: ['system', 'component'],
          maxDistance: 1,
        },
      ],
      quorum: 'all',
      condition: { kind: 'always' },
    },
    {
      name: BOARD_STEP,
      approvers: [{ kind: 'group', group: CHANGE_ADVISORY_BOARD }],
      quorum: 1,
      condition: { kind: 'risk-at-least', level: 'high' },
    },
  ],
};

export const emergencyReleasePolicy: ApprovalPolicy = {
  steps: [
    {
      name: 'Emergency change advisory board',
      approvers: [{ kind: 'group', group: EMERGENCY_BOARD }],
      quorum: 1,
      condition: { kind: 'always' },
    },
  ],
};

/**
 * The release model the policies are set on, in the data portfolio: the
 * other example models keep authorization to one action by the
 * portfolio's authorizer group.
 */
export function reviewedReleaseModel(
  id: string,
  portfolioId: string,
): ReleaseModel {
  return {
    id,
    portfolioId,
    name: 'Reviewed analytics release',
    description:
      'A change other teams rely on: the owners of what it touches approve it, ' +
      'then the change advisory board when the risk is high',
    category: 'software',
    defaultExecutorGroup: 'group:default/data-team',
    defaultImpact: 'medium',
    defaultUrgency: 'low',
    lifecycle: 'active',
    planningTemplates: [
      { title: 'Scope the change' },
      { title: 'Agree the window with the owners' },
    ],
    // No deployment templates: the readiness checklist asks the manager to
    // plan the deployment before authorization is requested.
    deploymentTemplates: [],
    approvalPolicy: reviewedReleasePolicy,
    emergencyApprovalPolicy: emergencyReleasePolicy,
    readiness: ['deployment-activities', 'backout-plan'],
    minimumLeadTimeHours: 48,
  };
}
