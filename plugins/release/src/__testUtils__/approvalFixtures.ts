import {
  ApprovalStepState,
  ReleaseApprovals,
  RiskAssessment,
} from '@internal/plugin-release-common';

/**
 * A round in its second step: the change advisory board approved, the
 * service owners decide now (two of them), security is not required.
 */
export function anApprovalRound(
  overrides: Partial<ReleaseApprovals> = {},
): ReleaseApprovals {
  const steps: ApprovalStepState[] = [
    {
      position: 1,
      name: 'Change advisory board',
      quorum: 1,
      approvers: ['group:default/cab'],
      fallbackReason: null,
      status: 'approved',
      notRequiredBecause: null,
      decisions: [
        {
          id: 'd1',
          round: 1,
          step: 1,
          approver: 'user:default/carla.mendes',
          onBehalfOf: ['group:default/cab'],
          decision: 'approved',
          comment: 'Window agreed with operations',
          decidedAt: '2027-03-01T10:00:00.000Z',
        },
      ],
    },
    {
      position: 2,
      name: 'Service owners',
      quorum: 2,
      approvers: ['group:default/payments-team', 'group:default/orders-team'],
      fallbackReason: null,
      status: 'current',
      notRequiredBecause: null,
      decisions: [],
    },
    {
      position: 3,
      name: 'Security review',
      quorum: 'all',
      approvers: [],
      fallbackReason: null,
      status: 'not-required',
      notRequiredBecause: 'risk is low, below high',
      decisions: [],
    },
  ];
  return {
    round: 1,
    status: 'awaiting',
    emergency: false,
    policySource: 'portfolio',
    requestedBy: 'user:default/ana.souza',
    requestedAt: '2027-03-01T09:00:00.000Z',
    currentStep: 2,
    steps,
    mayDecide: true,
    mayNotDecideBecause: null,
    ...overrides,
  };
}

/** An assessment suggesting medium risk, from four factors. */
export function aRiskAssessment(
  overrides: Partial<RiskAssessment> = {},
): RiskAssessment {
  return {
    score: 49,
    suggestedLevel: 'medium',
    level: 'medium',
    override: null,
    factors: [
      {
        factor: 'production-entities',
        value: 3,
        points: 24,
        subjects: [
          'component:default/orders-service',
          'component:default/payments-service',
          'api:default/orders-api',
        ],
      },
      {
        factor: 'failure-rate',
        value: 0.25,
        points: 12,
        subjects: ['REL-000031'],
      },
      {
        factor: 'insufficient-lead-time',
        value: 20,
        points: 10,
        subjects: ['24'],
      },
      {
        factor: 'missing-readiness',
        value: 1,
        points: 3,
        subjects: ['backout-plan'],
      },
    ],
    assessedAt: '2027-03-01T08:00:00.000Z',
    ...overrides,
  };
}
