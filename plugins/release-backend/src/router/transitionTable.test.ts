import {
  allowedActions,
  RELEASE_ACTIONS,
  RELEASE_STATUSES,
  ReleaseAction,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import {
  nextWeekWindow,
  ReleaseApi,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

const databases = createTestDatabases();

// How to reach each state from a fresh, fully prepared release.
const pathTo: Record<ReleaseStatus, ReleaseAction[]> = {
  registered: [],
  planning: ['plan'],
  // Reached only under an approval policy: approvals.test.ts covers it.
  'awaiting-approval': [],
  authorized: ['plan', 'authorize'],
  deployment: ['plan', 'authorize', 'deploy'],
  executed: ['plan', 'authorize', 'deploy', 'execute'],
  closed: ['plan', 'authorize', 'deploy', 'execute', 'close'],
  suspended: ['suspend'],
  cancelled: ['cancel'],
};

describe.each(databases.eachSupportedId())(
  'the transition table over HTTP on %p',
  databaseId => {
    let api: ReleaseApi;
    let reasons: Record<string, string>;

    beforeAll(async () => {
      api = await startReleaseBackend(await databases.init(databaseId));
      const { body } = await api.get('/api/release/justifications');
      reasons = {};
      for (const j of body.items) {
        for (const action of j.appliesTo) reasons[action] ??= j.id;
      }
    });

    /** What each action needs to meet its guards. */
    function inputFor(action: ReleaseAction) {
      switch (action) {
        case 'replan':
        case 'rework':
          return { comment: 'acceptance found a regression' };
        case 'close':
          return { outcome: 'successful' };
        case 'suspend':
        case 'cancel':
        case 'reopen':
          return { justificationId: reasons[action] };
        default:
          return {};
      }
    }

    // Each release its own window: they share a CI and must not conflict.
    let slot = 0;
    async function releaseIn(status: ReleaseStatus) {
      const { body } = await api
        .post('/api/release/releases')
        .send({
          title: `In ${status}`,
          type: 'minor',
          businessJustification: 'Needed',
          ...nextWeekWindow(slot++),
        })
        .expect(201);
      await api
        .post(`/api/release/releases/${body.id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'component:default/search-service',
          role: 'updated',
        })
        .expect(201);
      let version = 1;
      for (const action of pathTo[status]) {
        const response = await api
          .post(`/api/release/releases/${body.id}/transitions`)
          .send({ action, expectedVersion: version, ...inputFor(action) })
          .expect(200);
        version = response.body.version;
      }
      return { id: body.id as string, version };
    }

    // Without a policy the portfolio authorizes in one action.
    const oneActionRefusal = expect.stringContaining(
      'authorizes in one action',
    );

    it.each(RELEASE_STATUSES.filter(status => status !== 'awaiting-approval'))(
      'from %s: allowed actions succeed, the others are refused with 409',
      async status => {
        // No approval policy here: authorize, never request-authorization
        // (docs/approvals.md#policies).
        const allowed: ReleaseAction[] = allowedActions({ status }).filter(
          action => action !== 'request-authorization',
        );
        const outcomes = [];
        for (const action of RELEASE_ACTIONS) {
          const { id, version } = await releaseIn(status);
          const response = await api
            .post(`/api/release/releases/${id}/transitions`)
            .send({ action, expectedVersion: version, ...inputFor(action) });
          outcomes.push({
            action,
            status: response.status,
            refusal: response.body.error?.message?.replace(
              /^.*Allowed now: /,
              '',
            ),
          });
        }
        expect(outcomes).toEqual(
          RELEASE_ACTIONS.map(action => {
            if (allowed.includes(action)) {
              return { action, status: 200, refusal: undefined };
            }
            if (action === 'request-authorization' && status === 'planning') {
              return { action, status: 409, refusal: oneActionRefusal };
            }
            return { action, status: 409, refusal: allowed.join(', ') };
          }),
        );
      },
    );
  },
);
