import {
  Release,
  ReleaseAction,
  ReleaseStatus,
  RELEASE_ACTIONS,
  RELEASE_STATUSES,
} from './types';
import {
  allowedActions,
  checkGuards,
  guardReads,
  GuardContext,
  overdueBy,
  targetStatus,
} from './workflow';

const now = new Date('2026-11-24T12:00:00Z');

function release(overrides: Partial<Release> = {}): Release {
  return {
    id: 'r1',
    number: 'REL-000001',
    title: 'Orders 2.4',
    description: '',
    type: 'minor',
    impact: 'medium',
    urgency: 'medium',
    priority: 3,
    risk: 'low',
    businessJustification: 'Customers asked for split payments',
    backoutPlan: null,
    testEvidenceUrl: null,
    requester: 'user:default/guest',
    manager: 'user:default/guest',
    executorGroup: 'group:default/platform-team',
    portfolioId: null,
    modelId: null,
    versionLabel: '2.4.0',
    plannedStart: '2026-12-01T09:00:00Z',
    plannedEnd: '2026-12-01T11:00:00Z',
    actualStart: null,
    actualEnd: null,
    outcome: null,
    closureNotes: null,
    status: 'planning',
    suspendedFrom: null,
    resumeAt: null,
    reworkCount: 0,
    reopenCount: 0,
    createdBy: 'user:default/guest',
    createdAt: '2026-11-20T09:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

function context(overrides: Partial<GuardContext> = {}): GuardContext {
  return {
    release: release(),
    activities: [],
    ciCount: 1,
    input: {},
    now,
    ...overrides,
  };
}

// docs/workflow.md#actions, written out independently of RELEASE_TRANSITIONS.
const table: Record<ReleaseAction, [ReleaseStatus[], ReleaseStatus]> = {
  plan: [['registered'], 'planning'],
  'request-authorization': [['planning'], 'awaiting-approval'],
  authorize: [['planning'], 'authorized'],
  replan: [['authorized'], 'planning'],
  deploy: [['authorized'], 'deployment'],
  execute: [['deployment'], 'executed'],
  rework: [['executed'], 'planning'],
  close: [['executed'], 'closed'],
  suspend: [
    ['registered', 'planning', 'awaiting-approval', 'authorized', 'deployment'],
    'suspended',
  ],
  resume: [['suspended'], 'authorized'],
  cancel: [
    [
      'registered',
      'planning',
      'awaiting-approval',
      'authorized',
      'deployment',
      'executed',
      'suspended',
    ],
    'cancelled',
  ],
  reopen: [['closed', 'cancelled'], 'planning'],
};

describe('the transition table', () => {
  for (const status of RELEASE_STATUSES) {
    it(`offers from ${status} exactly the documented actions`, () => {
      const expected = RELEASE_ACTIONS.filter(a =>
        table[a][0].includes(status),
      );
      expect(allowedActions({ status })).toEqual(expected);
    });
  }

  it.each(RELEASE_ACTIONS)('%s leads to the documented state', action => {
    const from = table[action][0][0];
    expect(
      targetStatus(
        release({ status: from, suspendedFrom: 'authorized' }),
        action,
      ),
    ).toBe(table[action][1]);
  });

  it('resume returns to the state suspend left', () => {
    expect(
      targetStatus(
        release({ status: 'suspended', suspendedFrom: 'deployment' }),
        'resume',
      ),
    ).toBe('deployment');
  });
});

describe('guards', () => {
  it('read activities and the CI count exactly where guardReads says, so the backend may skip them elsewhere', () => {
    const open = [
      {
        phase: 'planning' as const,
        status: 'pending' as const,
        title: 'Scope',
      },
      {
        phase: 'deployment' as const,
        status: 'pending' as const,
        title: 'Deploy',
      },
    ];
    for (const action of RELEASE_ACTIONS) {
      const ready = checkGuards(action, context());
      const withOpenActivities = checkGuards(
        action,
        context({ activities: open }),
      );
      const withoutCis = checkGuards(action, context({ ciCount: 0 }));
      expect({ action, ...guardReads(action) }).toEqual({
        action,
        activities:
          JSON.stringify(withOpenActivities) !== JSON.stringify(ready),
        ciCount: JSON.stringify(withoutCis) !== JSON.stringify(ready),
      });
    }
  });

  it('authorize needs justification, window, a CI and finished planning activities', () => {
    const violations = checkGuards(
      'authorize',
      context({
        release: release({ businessJustification: ' ', plannedEnd: null }),
        ciCount: 0,
        activities: [
          { phase: 'planning', status: 'done', title: 'Scope' },
          { phase: 'planning', status: 'pending', title: 'Rollback plan' },
          { phase: 'deployment', status: 'pending', title: 'Deploy' },
        ],
      }),
    );
    expect(violations).toEqual([
      expect.objectContaining({
        kind: 'state',
        field: 'businessJustification',
      }),
      expect.objectContaining({ kind: 'state', field: 'plannedStart' }),
      expect.objectContaining({ kind: 'state', field: 'relations' }),
      {
        kind: 'state',
        field: 'activities',
        message: 'planning activities not done or skipped: Rollback plan',
      },
    ]);
  });

  it('authorize passes when everything is in place, and an override needs a comment', () => {
    expect(checkGuards('authorize', context())).toEqual([]);
    expect(
      checkGuards('authorize', context({ input: { override: true } })),
    ).toEqual([expect.objectContaining({ kind: 'input', field: 'comment' })]);
  });

  it('request-authorization checks what authorize checks', () => {
    const unready = context({
      release: release({ businessJustification: null }),
      ciCount: 0,
    });
    expect(checkGuards('request-authorization', unready)).toEqual(
      checkGuards('authorize', unready),
    );
    expect(checkGuards('request-authorization', unready)).toHaveLength(2);
    expect(guardReads('request-authorization')).toEqual({
      activities: true,
      ciCount: true,
    });
  });

  it('execute needs every deployment activity done or skipped', () => {
    const activities = [
      {
        phase: 'deployment' as const,
        status: 'skipped' as const,
        title: 'Smoke test',
      },
      {
        phase: 'deployment' as const,
        status: 'in-progress' as const,
        title: 'Deploy',
      },
    ];
    expect(checkGuards('execute', context({ activities }))).toEqual([
      expect.objectContaining({
        field: 'activities',
        message: expect.stringContaining('Deploy'),
      }),
    ]);
  });

  it.each(['replan', 'rework'] as const)('%s needs a comment', action => {
    expect(checkGuards(action, context())).toEqual([
      expect.objectContaining({ kind: 'input', field: 'comment' }),
    ]);
    expect(
      checkGuards(action, context({ input: { comment: 'tests failed' } })),
    ).toEqual([]);
  });

  it('close needs an outcome, and notes unless successful', () => {
    expect(checkGuards('close', context())[0].field).toBe('outcome');
    expect(
      checkGuards('close', context({ input: { outcome: 'failed' } }))[0].field,
    ).toBe('closureNotes');
    expect(
      checkGuards('close', context({ input: { outcome: 'successful' } })),
    ).toEqual([]);
  });

  it.each(['suspend', 'cancel', 'reopen'] as const)(
    '%s needs a justification',
    action => {
      expect(checkGuards(action, context())[0].field).toBe('justificationId');
    },
  );

  it('suspend refuses a resume date in the past', () => {
    const violations = checkGuards(
      'suspend',
      context({
        input: { justificationId: 'j1', resumeAt: '2026-11-01T00:00:00Z' },
      }),
    );
    expect(violations).toEqual([
      expect.objectContaining({ field: 'resumeAt' }),
    ]);
  });
});

describe('allowedActions', () => {
  it('keeps the actions of the state that the caller may do', () => {
    expect(allowedActions(release({ status: 'authorized' }))).toEqual([
      'replan',
      'deploy',
      'suspend',
      'cancel',
    ]);
    expect(
      allowedActions(
        release({ status: 'authorized' }),
        action => action !== 'deploy',
      ),
    ).toEqual(['replan', 'suspend', 'cancel']);
  });
});

describe('overdueBy', () => {
  it('is how late an open release is past its planned end', () => {
    const late = release({ plannedEnd: '2026-11-24T10:00:00Z' });
    expect(overdueBy(late, now)).toBe(2 * 60 * 60 * 1000);
  });

  it('is null for a finished release or one without a window', () => {
    expect(
      overdueBy(
        release({ status: 'closed', plannedEnd: '2026-11-01T00:00:00Z' }),
        now,
      ),
    ).toBeNull();
    expect(overdueBy(release({ plannedEnd: null }), now)).toBeNull();
    expect(overdueBy(release(), now)).toBeNull();
  });
});
