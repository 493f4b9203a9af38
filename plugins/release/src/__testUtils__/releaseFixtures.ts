import {
  ReleaseDetails,
  ReleaseHistoryEntry,
  ReleaseListItem,
} from '@internal/plugin-release-common';

/** A release as the API returns it, for component tests. */
export function aRelease(
  overrides: Partial<ReleaseDetails> = {},
): ReleaseDetails {
  return {
    id: '6f1c1d1e-0000-4000-8000-000000000001',
    number: 'REL-000042',
    title: 'Orders service 2.4',
    description: 'Split payments',
    type: 'minor',
    impact: 'medium',
    urgency: 'high',
    priority: 2,
    risk: 'low',
    businessJustification: 'Customers asked for it',
    backoutPlan: null,
    testEvidenceUrl: null,
    requester: 'user:default/guest',
    manager: 'user:default/ana.souza',
    executorGroup: 'group:default/storefront-team',
    portfolioId: null,
    modelId: null,
    versionLabel: '2.4.0',
    plannedStart: '2027-03-10T09:00:00.000Z',
    plannedEnd: '2027-03-10T11:00:00.000Z',
    actualStart: null,
    actualEnd: null,
    outcome: null,
    closureNotes: null,
    status: 'executed',
    suspendedFrom: null,
    resumeAt: null,
    reworkCount: 0,
    reopenCount: 0,
    createdBy: 'user:default/guest',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    closedAt: null,
    version: 5,
    activities: [],
    relations: [],
    media: [],
    allowedActions: ['rework', 'close', 'cancel'],
    // No policy applies: the one-action flow (docs/approvals.md).
    approvals: {
      round: 0,
      status: 'none',
      emergency: false,
      policySource: 'none',
      requestedBy: null,
      requestedAt: null,
      currentStep: null,
      steps: [],
      mayDecide: false,
      mayNotDecideBecause: null,
    },
    readiness: [],
    riskAssessment: {
      score: 12,
      suggestedLevel: 'low',
      level: 'low',
      override: null,
      factors: [
        {
          factor: 'priority',
          value: 2,
          points: 10,
          subjects: [],
        },
        {
          factor: 'impacted-entities',
          value: 2,
          points: 2,
          subjects: [
            'component:default/orders-service',
            'resource:default/orders-db',
          ],
        },
      ],
      assessedAt: '2026-11-20T09:00:00.000Z',
    },
    ...overrides,
  };
}

export function aListItem(
  overrides: Partial<ReleaseListItem> = {},
): ReleaseListItem {
  const {
    activities: _a,
    relations: _r,
    media: _m,
    riskAssessment: _k,
    ...release
  } = aRelease();
  return {
    ...release,
    currentActivity: {
      id: 'a1',
      phase: 'deployment',
      title: 'Smoke test',
      assignee: 'user:default/carla.mendes',
      group: null,
      status: 'pending',
      dueAt: null,
    },
    openActivityCount: 2,
    ...overrides,
  };
}

/** A history entry of `aRelease()`: its registration, unless overridden. */
export function historyEntry(
  overrides: Partial<ReleaseHistoryEntry> = {},
): ReleaseHistoryEntry {
  return {
    id: '1',
    releaseId: aRelease().id,
    at: '2026-11-20T09:00:00.000Z',
    actor: 'user:default/guest',
    kind: 'created',
    action: null,
    fromStatus: null,
    toStatus: 'registered',
    changes: {},
    justificationId: null,
    comment: null,
    ...overrides,
  };
}
