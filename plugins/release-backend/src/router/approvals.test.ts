import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  ApprovalPolicy,
  RELEASE_APPROVAL_REQUESTED_TOPIC,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { ActivityRepository } from '../database/ActivityRepository';
import { ApprovalRepository } from '../database/ApprovalRepository';
import { OverdueDigest } from '../notifications/OverdueDigest';
import { textsIn } from '../texts';
import { catalogUserInfoFactory } from '../__testUtils__/catalogUserInfo';
import { owedNotificationsSent } from '../__testUtils__/notificationOutbox';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';
import {
  loadExampleCatalog,
  withCatalogRelations,
} from '../__testUtils__/exampleCatalog';
import {
  nextWeekWindow,
  ReleaseApi,
  ReleaseBackendOptions,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(300_000);

const databases = createTestDatabases();
const base = '/api/release';

// The example catalog: release-managers are ana.souza, bruno.lima, guest and
// isabel.garcia; storefront-team (owner of orders-service) grace.okafor,
// hiro.tanaka and isabel.garcia; platform-team bruno, carla, david, guest.
const MANAGER = 'user:default/ana.souza';
const CAB = 'group:default/release-managers';
const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);

/** A group without members, owning a component: nobody can decide for it. */
const ghostEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'ghost-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ghost-service', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'ghost-team' },
  },
];

const cab = (quorum: number | 'all' = 1): ApprovalPolicy['steps'][number] => ({
  name: 'Change advisory board',
  approvers: [{ kind: 'group', group: CAB }],
  quorum,
  condition: { kind: 'always' },
});

const owners: ApprovalPolicy['steps'][number] = {
  name: 'Owners of what it touches',
  approvers: [
    { kind: 'impacted-owners', entityKinds: ['component'], maxDistance: 0 },
  ],
  quorum: 1,
  condition: { kind: 'always' },
};

describe.each(databases.eachSupportedId())(
  'approval rounds on %p',
  databaseId => {
    let knex: Knex;
    let entities: Entity[];

    beforeAll(async () => {
      entities = await withCatalogRelations([
        ...(await loadExampleCatalog()),
        ...ghostEntities,
      ]);
    });

    // One database for the tests that look only at their own releases (each
    // has its own window, so none conflicts with another's); a fresh one for
    // those that read whole lists. Fewer databases to drop at the end.
    let shared: Knex | undefined;
    let slot = 100;

    async function start(
      options: ReleaseBackendOptions & { fresh?: boolean } = {},
    ) {
      const { fresh, ...rest } = options;
      if (fresh || !shared) {
        knex = await databases.init(databaseId);
        if (!fresh) shared = knex;
      } else {
        knex = shared;
      }
      return startReleaseBackend(knex, {
        entities,
        ...rest,
        features: [catalogUserInfoFactory(entities), ...(rest.features ?? [])],
      });
    }

    async function portfolio(
      api: ReleaseApi,
      fields: Record<string, unknown>,
    ): Promise<string> {
      const { body } = await api
        .post(`${base}/portfolios`)
        .send({
          name: `Portfolio ${Math.random()}`,
          authorizerGroup: CAB,
          ...fields,
        })
        .expect(201);
      return body.id;
    }

    /** A release in planning that meets authorize's guards. */
    async function planned(
      api: ReleaseApi,
      fields: Record<string, unknown>,
      ci = 'component:default/orders-service',
    ) {
      const { body } = await api
        .post(`${base}/releases`)
        .send({
          title: 'Orders service 3.0',
          type: 'minor',
          businessJustification: 'Split payments',
          manager: MANAGER,
          cis: [{ entityRef: ci, role: 'updated' }],
          ...nextWeekWindow(slot++),
          ...fields,
        })
        .expect(201);
      const moved = await api
        .post(`${base}/releases/${body.id}/transitions`)
        .send({ action: 'plan', expectedVersion: body.version })
        .expect(200);
      return moved.body;
    }

    function transition(
      api: ReleaseApi,
      release: any,
      action: string,
      extra = {},
    ) {
      return api
        .post(`${base}/releases/${release.id}/transitions`)
        .send({ action, expectedVersion: release.version, ...extra });
    }

    function decide(
      api: ReleaseApi,
      user: string,
      release: { id: string; version: number },
      body: Record<string, unknown> = { decision: 'approved' },
    ) {
      return api
        .post(`${base}/releases/${release.id}/approvals`)
        .set('Authorization', as(user))
        .send({ expectedVersion: release.version, ...body });
    }

    async function requested(
      api: ReleaseApi,
      policy: ApprovalPolicy,
      fields = {},
    ) {
      const portfolioId = await portfolio(api, { approvalPolicy: policy });
      const release = await planned(api, { portfolioId, ...fields });
      expect(release.allowedActions).toContain('request-authorization');
      expect(release.allowedActions).not.toContain('authorize');
      const { body } = await transition(
        api,
        release,
        'request-authorization',
      ).expect(200);
      return body;
    }

    it('keeps the one-action flow where no policy applies', async () => {
      const api = await start();
      const release = await planned(api, {
        portfolioId: await portfolio(api, {}),
      });
      expect(release.allowedActions).toContain('authorize');
      expect(release.allowedActions).not.toContain('request-authorization');
      expect(release.approvals).toMatchObject({
        round: 0,
        status: 'none',
        policySource: 'none',
      });

      const refused = await transition(
        api,
        release,
        'request-authorization',
      ).expect(409);
      expect(refused.body.error.message).toContain('authorizes in one action');
      const { body } = await transition(api, release, 'authorize').expect(200);
      expect(body.status).toBe('authorized');
    });

    it('refuses authorize where a policy applies, and starts a round on request', async () => {
      const api = await start();
      const portfolioId = await portfolio(api, {
        approvalPolicy: { steps: [cab(2), owners] },
      });
      const release = await planned(api, { portfolioId });

      const refused = await transition(api, release, 'authorize').expect(409);
      expect(refused.body.error.message).toContain('request-authorization');

      const { body } = await transition(
        api,
        release,
        'request-authorization',
      ).expect(200);
      expect(body).toMatchObject({
        status: 'awaiting-approval',
        version: release.version + 1,
      });
      // Only the round's decisions move it on; the workflow offers the rest.
      expect(body.allowedActions).toEqual(['suspend', 'cancel']);
      expect(body.approvals).toMatchObject({
        round: 1,
        status: 'awaiting',
        policySource: 'portfolio',
        emergency: false,
        requestedBy: 'user:default/mock',
        currentStep: 1,
        mayDecide: false,
      });
      expect(body.approvals.steps).toEqual([
        expect.objectContaining({
          position: 1,
          status: 'current',
          approvers: [CAB],
          quorum: 2,
          decisions: [],
        }),
        expect.objectContaining({
          position: 2,
          status: 'waiting',
          approvers: ['group:default/storefront-team'],
          fallbackReason: null,
        }),
      ]);
      const rows = await knex('release_step_approvers').where({
        release_id: release.id,
      });
      expect(rows.map(r => r.approver_ref)).toEqual([CAB]);
      const { body: history } = await api.get(
        `${base}/releases/${release.id}/history`,
      );
      expect(history.items.at(-1)).toMatchObject({
        action: 'request-authorization',
        fromStatus: 'planning',
        toStatus: 'awaiting-approval',
      });
    });

    it('closes a step at its quorum of people, then the next, then authorizes', async () => {
      const api = await start();
      let release = await requested(api, { steps: [cab(2), owners] });

      const stranger = await decide(api, 'carla.mendes', release).expect(403);
      expect(stranger.body.error.message).toContain(
        'not an approver of step 1',
      );

      release = (await decide(api, 'bruno.lima', release).expect(200)).body;
      expect(release.approvals).toMatchObject({
        currentStep: 1,
        status: 'awaiting',
      });
      const twice = await decide(api, 'bruno.lima', release).expect(409);
      expect(twice.body.error.message).toContain('already decided');

      release = (await decide(api, 'isabel.garcia', release).expect(200)).body;
      expect(release.status).toBe('awaiting-approval');
      expect(release.approvals.currentStep).toBe(2);
      expect(release.approvals.steps[0]).toMatchObject({
        status: 'approved',
        decisions: [
          expect.objectContaining({
            approver: 'user:default/bruno.lima',
            onBehalfOf: [CAB],
          }),
          expect.objectContaining({
            approver: 'user:default/isabel.garcia',
            onBehalfOf: [CAB],
          }),
        ],
      });
      const rows = await knex('release_step_approvers').where({
        release_id: release.id,
      });
      expect(rows.map(r => r.approver_ref)).toEqual([
        'group:default/storefront-team',
      ]);

      // Bruno decided step 1; step 2 is the storefront team's.
      await decide(api, 'bruno.lima', release).expect(403);
      release = (await decide(api, 'grace.okafor', release).expect(200)).body;
      expect(release.status).toBe('authorized');
      expect(release.approvals).toMatchObject({
        status: 'approved',
        currentStep: null,
      });
      expect(release.allowedActions).toContain('deploy');
    });

    it("asks each step's approvers for their decision when the step starts", async () => {
      const sent: NotificationSendOptions[] = [];
      const api = await start({ features: [recordingNotifications(sent)] });
      let release = await requested(api, { steps: [cab(1), owners] });
      await owedNotificationsSent(knex);
      release = (await decide(api, 'bruno.lima', release).expect(200)).body;
      await owedNotificationsSent(knex);
      const asked = sent.filter(
        n => n.payload.topic === RELEASE_APPROVAL_REQUESTED_TOPIC,
      );
      expect(asked.map(n => [n.recipients, n.payload.description])).toEqual([
        [
          { type: 'entity', entityRef: [CAB] },
          'Step 1, Change advisory board, asks for your decision.',
        ],
        [
          { type: 'entity', entityRef: ['group:default/storefront-team'] },
          'Step 2, Owners of what it touches, asks for your decision.',
        ],
      ]);
      expect(asked[0].payload.title).toBe(
        `${release.number} awaits your approval: Orders service 3.0`,
      );
    });

    it('names releases awaiting approval for more than a day in the daily digest', async () => {
      const api = await start();
      const old = await requested(api, { steps: [cab(2)] });
      await requested(api, { steps: [owners] }, nextWeekWindow(4));
      await knex('releases')
        .where({ id: old.id })
        .update({
          approval_requested_at: new Date(Date.now() - 2 * 86_400_000),
        });
      const sent: NotificationSendOptions[] = [];
      const digest = new OverdueDigest(
        { send: async options => void sent.push(options) },
        new ActivityRepository(knex),
        mockServices.logger.mock(),
        textsIn('en'),
        new ApprovalRepository(knex),
      );
      expect(await digest.send(new Date())).toBe(1);
      expect(sent).toEqual([
        {
          recipients: { type: 'entity', entityRef: CAB },
          payload: expect.objectContaining({
            title: '1 release awaits your approval',
            description: `${old.number} "Orders service 3.0" (requested 2 days ago).`,
            link: `/release/releases/${old.id}`,
            topic: 'release-overdue-digest',
          }),
        },
      ]);
    });

    it("closes an 'all' step only when every approver ref has approved", async () => {
      const api = await start();
      let release = await requested(api, {
        steps: [
          {
            name: 'Both teams',
            approvers: [
              { kind: 'group', group: 'group:default/platform-team' },
              { kind: 'group', group: 'group:default/storefront-team' },
            ],
            quorum: 'all',
            condition: { kind: 'always' },
          },
        ],
      });
      release = (await decide(api, 'carla.mendes', release).expect(200)).body;
      release = (await decide(api, 'david.chen', release).expect(200)).body;
      expect(release.status).toBe('awaiting-approval');
      release = (await decide(api, 'grace.okafor', release).expect(200)).body;
      expect(release.status).toBe('authorized');
    });

    it('falls back to the authorizer group when the impacted owners have no members', async () => {
      const api = await start();
      const portfolioId = await portfolio(api, {
        approvalPolicy: { steps: [owners] },
      });
      const ghost = await planned(
        api,
        { portfolioId },
        'component:default/ghost-service',
      );
      const { body } = await transition(
        api,
        ghost,
        'request-authorization',
      ).expect(200);
      expect(body.approvals.steps[0]).toMatchObject({
        approvers: [CAB],
        fallbackReason: expect.stringContaining(
          'group:default/ghost-team has no members',
        ),
      });

      const orphan = await portfolio(api, {
        authorizerGroup: null,
        approvalPolicy: { steps: [owners] },
      });
      const stuck = await planned(
        api,
        { portfolioId: orphan },
        'component:default/ghost-service',
      );
      const refused = await transition(
        api,
        stuck,
        'request-authorization',
      ).expect(409);
      expect(refused.body.error.message).toContain('no authorizer group');
      expect((await api.get(`${base}/releases/${stuck.id}`)).body.status).toBe(
        'planning',
      );
    });

    it('keeps the requester and the manager from deciding, unless switched off', async () => {
      const api = await start();
      const release = await requested(
        api,
        { steps: [cab()] },
        { requester: 'user:default/bruno.lima' },
      );
      const manager = await decide(api, 'ana.souza', release).expect(403);
      expect(manager.body.error.message).toContain('separation of duties');
      const requester = await decide(api, 'bruno.lima', release).expect(403);
      expect(requester.body.error.message).toContain('you requested');
      const page = await api
        .get(`${base}/releases/${release.id}`)
        .set('Authorization', as('ana.souza'));
      expect(page.body.approvals).toMatchObject({
        mayDecide: false,
        mayNotDecideBecause: expect.stringContaining('you manage'),
      });

      const lenient = await start({
        config: { release: { approvals: { separationOfDuties: false } } },
      });
      const other = await requested(lenient, { steps: [cab()] });
      const { body } = await decide(lenient, 'ana.souza', other).expect(200);
      expect(body.status).toBe('authorized');
    });

    it('starts a new round when the window moves or the CIs change', async () => {
      const api = await start();
      let release = await requested(api, { steps: [cab(2)] });
      release = (await decide(api, 'bruno.lima', release).expect(200)).body;

      const moved = await api
        .patch(`${base}/releases/${release.id}`)
        .send({ ...nextWeekWindow(5), expectedVersion: release.version })
        .expect(200);
      expect(moved.body.status).toBe('awaiting-approval');
      expect(moved.body.approvals).toMatchObject({
        round: 2,
        status: 'awaiting',
        currentStep: 1,
      });
      expect(moved.body.approvals.steps[0].decisions).toEqual([]);
      const old = await knex('release_approvals').where({
        release_id: release.id,
      });
      expect(old).toEqual([
        expect.objectContaining({
          round: 1,
          approver: 'user:default/bruno.lima',
        }),
      ]);

      // Authorized through round 2, then a CI is added: round 3.
      release = (await decide(api, 'bruno.lima', moved.body).expect(200)).body;
      release = (await decide(api, 'isabel.garcia', release).expect(200)).body;
      expect(release.status).toBe('authorized');
      await api
        .post(`${base}/releases/${release.id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'component:default/checkout-service',
          role: 'updated',
        })
        .expect(201);
      const after = (await api.get(`${base}/releases/${release.id}`)).body;
      expect(after.status).toBe('awaiting-approval');
      expect(after.approvals).toMatchObject({ round: 3, status: 'awaiting' });

      const { body: history } = await api.get(
        `${base}/releases/${release.id}/history`,
      );
      const rounds = history.items.filter((e: any) => e.action === 'new-round');
      expect(rounds.map((e: any) => e.comment)).toEqual([
        expect.stringContaining('window changed'),
        expect.stringContaining('configuration items changed'),
      ]);
      expect(rounds[1]).toMatchObject({
        fromStatus: 'authorized',
        toStatus: 'awaiting-approval',
      });
    });

    it('loses no decision and authorizes once when two approve at once', async () => {
      const api = await start();
      const release = await requested(api, { steps: [cab(1)] });
      const answers = await Promise.all([
        decide(api, 'bruno.lima', release),
        decide(api, 'isabel.garcia', release),
      ]);
      expect(answers.map(a => a.status).sort()).toEqual([200, 409]);
      const decisions = await knex('release_approvals').where({
        release_id: release.id,
      });
      expect(decisions).toHaveLength(1);
      const { body } = await api.get(`${base}/releases/${release.id}/history`);
      const authorizations = body.items.filter(
        (e: any) => e.toStatus === 'authorized',
      );
      expect(authorizations).toHaveLength(1);
      expect(authorizations[0].actor).toBe(decisions[0].approver);

      // Quorum 2: the refused one decides again on the new version.
      const pair = await requested(api, { steps: [cab(2)] }, nextWeekWindow(3));
      const users = ['bruno.lima', 'isabel.garcia'];
      const both = await Promise.all(
        users.map(user => decide(api, user, pair)),
      );
      expect(both.map(a => a.status).sort()).toEqual([200, 409]);
      const ok = both.find(a => a.status === 200)!;
      const lateUser = users[both.findIndex(a => a.status === 409)];
      const retried = await decide(api, lateUser, ok.body);
      expect(retried.body.error?.message ?? retried.status).toBe(200);
      const done = retried.body;
      expect(done.status).toBe('authorized');
      expect(
        await knex('release_approvals').where({ release_id: pair.id }),
      ).toHaveLength(2);
    });

    it('follows the emergency policy for emergency releases', async () => {
      const api = await start();
      const portfolioId = await portfolio(api, {
        approvalPolicy: { steps: [cab(2)] },
        emergencyApprovalPolicy: {
          steps: [{ ...cab(1), name: 'Emergency board' }],
        },
      });
      const urgent = await planned(api, { portfolioId, type: 'emergency' });
      const { body } = await transition(
        api,
        urgent,
        'request-authorization',
      ).expect(200);
      expect(body.approvals).toMatchObject({
        emergency: true,
        policySource: 'portfolio',
      });
      expect(body.approvals.steps.map((s: any) => s.name)).toEqual([
        'Emergency board',
      ]);
      const routine = await planned(api, { portfolioId });
      const { body: standard } = await transition(
        api,
        routine,
        'request-authorization',
      ).expect(200);
      expect(standard.approvals.steps.map((s: any) => s.name)).toEqual([
        'Change advisory board',
      ]);
    });

    it('skips steps whose condition does not apply, and authorizes at once when none does', async () => {
      const api = await start();
      const policy: ApprovalPolicy = {
        steps: [
          { ...cab(), condition: { kind: 'risk-at-least', level: 'high' } },
        ],
      };
      // The risk assessment sets the level (docs/risk.md): a small release
      // stays below high.
      const release = await requested(api, policy);
      expect(release.risk).not.toBe('high');
      expect(release.status).toBe('authorized');
      expect(release.approvals.steps[0]).toMatchObject({
        status: 'not-required',
        notRequiredBecause: `risk is ${release.risk}, below high`,
      });
      const { body } = await api.get(`${base}/releases/${release.id}/history`);
      expect(body.items.at(-1).comment).toContain('no approval step applies');

      // Nobody approved its window, so moving it starts no round.
      const moved = await api
        .patch(`${base}/releases/${release.id}`)
        .send({ ...nextWeekWindow(6), expectedVersion: release.version })
        .expect(200);
      expect(moved.body.status).toBe('authorized');
      expect(moved.body.approvals.round).toBe(1);
    });

    it('refuses a request naming each readiness item the model asks for and the release lacks', async () => {
      const api = await start();
      const portfolioId = await portfolio(api, {
        approvalPolicy: { steps: [cab()] },
      });
      const model = await api
        .post(`${base}/portfolios/${portfolioId}/models`)
        .send({
          name: 'Checked release',
          lifecycle: 'active',
          readiness: ['backout-plan', 'test-evidence', 'change-record'],
        })
        .expect(201);
      const release = await planned(api, {
        portfolioId,
        modelId: model.body.id,
        testEvidenceUrl: 'https://ci.example.com/run/42',
      });
      expect(release.readiness).toEqual([
        { item: 'backout-plan', present: false },
        { item: 'test-evidence', present: true },
        { item: 'change-record', present: false },
      ]);
      const refused = await transition(
        api,
        release,
        'request-authorization',
      ).expect(409);
      expect(refused.body.error.message).toContain('backout-plan');
      expect(refused.body.error.message).toContain('change-record');
      expect(refused.body.error.message).not.toContain('test-evidence');
      expect(refused.body.error.details.map((d: any) => d.field)).toEqual([
        'backout-plan',
        'change-record',
      ]);
      const after = (await api.get(`${base}/releases/${release.id}`)).body;
      expect(after).toMatchObject({
        status: 'planning',
        version: release.version,
      });
      expect(after.approvals.round).toBe(0);
    });

    it('sends a rejected release back to planning with the comment', async () => {
      const api = await start();
      const release = await requested(api, { steps: [cab(2)] });
      const bare = await decide(api, 'bruno.lima', release, {
        decision: 'rejected',
      }).expect(400);
      expect(bare.body.error.message).toContain('comment');
      const { body } = await decide(api, 'bruno.lima', release, {
        decision: 'rejected',
        comment: 'No backout plan for the schema change',
      }).expect(200);
      expect(body.status).toBe('planning');
      expect(body.approvals).toMatchObject({
        status: 'rejected',
        currentStep: null,
      });
      expect(body.allowedActions).toContain('request-authorization');
      const { body: history } = await api.get(
        `${base}/releases/${release.id}/history`,
      );
      expect(history.items.at(-1)).toMatchObject({
        kind: 'approval',
        action: 'rejected',
        actor: 'user:default/bruno.lima',
        fromStatus: 'awaiting-approval',
        toStatus: 'planning',
        comment: 'No backout plan for the schema change',
      });
      expect(
        await knex('release_step_approvers').where({ release_id: release.id }),
      ).toEqual([]);
    });

    it('withdraws the round of a release cancelled while awaiting approval', async () => {
      const api = await start({ fresh: true });
      const release = await requested(api, { steps: [cab(2)] });
      const awaitingBruno = () =>
        api
          .get(`${base}/releases?awaitingApprovalBy=me`)
          .set('Authorization', as('bruno.lima'))
          .expect(200)
          .then(r => r.body.items.map((i: any) => i.number));
      expect(await awaitingBruno()).toEqual([release.number]);

      const { body: reasons } = await api
        .get(`${base}/justifications`)
        .expect(200);
      const { body: cancelled } = await transition(api, release, 'cancel', {
        justificationId: reasons.items.find((r: any) =>
          r.appliesTo.includes('cancel'),
        ).id,
      }).expect(200);
      expect(cancelled.status).toBe('cancelled');
      expect(cancelled.approvals).toMatchObject({
        status: 'withdrawn',
        currentStep: null,
      });
      expect(cancelled.approvals.steps[0].status).toBe('waiting');
      expect(await awaitingBruno()).toEqual([]);
      expect(
        await knex('release_step_approvers').where({ release_id: release.id }),
      ).toEqual([]);
      await decide(api, 'bruno.lima', cancelled).expect(409);
    });

    it('lists the releases awaiting my approval, not those I decided', async () => {
      const api = await start({ fresh: true });
      const release = await requested(api, { steps: [cab(2)] });
      const mine = (user: string) =>
        api
          .get(`${base}/releases?awaitingApprovalBy=me`)
          .set('Authorization', as(user))
          .expect(200)
          .then(r => r.body.items.map((i: any) => i.number));
      expect(await mine('bruno.lima')).toEqual([release.number]);
      expect(await mine('carla.mendes')).toEqual([]);
      await decide(api, 'bruno.lima', release).expect(200);
      expect(await mine('bruno.lima')).toEqual([]);
      expect(await mine('isabel.garcia')).toEqual([release.number]);
    });

    it('round-trips policies on portfolios and models, and names the wrong field', async () => {
      const api = await start();
      const policy: ApprovalPolicy = { steps: [cab(2), owners] };
      const portfolioId = await portfolio(api, { approvalPolicy: policy });
      const { body } = await api
        .get(`${base}/portfolios/${portfolioId}`)
        .expect(200);
      expect(body.portfolio ?? body).toMatchObject({
        approvalPolicy: policy,
        emergencyApprovalPolicy: null,
      });

      const bad = await api
        .patch(`${base}/portfolios/${portfolioId}`)
        .send({ approvalPolicy: { steps: [{ ...cab(), quorum: 0 }] } })
        .expect(400);
      expect(bad.body.error.details.map((d: any) => d.field)).toEqual([
        'approvalPolicy.steps.0.quorum',
      ]);

      const model = await api
        .post(`${base}/portfolios/${portfolioId}/models`)
        .send({
          name: 'With its own',
          emergencyApprovalPolicy: policy,
          readiness: ['backout-plan'],
        })
        .expect(201);
      expect(model.body).toMatchObject({
        approvalPolicy: null,
        emergencyApprovalPolicy: policy,
        readiness: ['backout-plan'],
      });
    });

    it('filters lists in SQL and loaded releases alike by IS_CURRENT_APPROVER', async () => {
      const api = await start({ fresh: true });
      const awaiting = await requested(api, { steps: [cab()] });
      const planning = await planned(
        api,
        {},
        'component:default/search-service',
      );
      const onlyCurrentApprovers = (permission: { name: string }) =>
        permission.name === 'release.read'
          ? {
              result: 'CONDITIONAL' as any,
              pluginId: 'release',
              resourceType: 'release',
              conditions: {
                rule: 'IS_CURRENT_APPROVER',
                resourceType: 'release',
                params: { claims: ['user:default/bruno.lima', CAB] },
              },
            }
          : { result: 'ALLOW' as any };
      const reader = await startReleaseBackend(knex, {
        entities,
        policy: onlyCurrentApprovers,
        features: [catalogUserInfoFactory(entities)],
      });
      const { body } = await reader
        .get(`${base}/releases`)
        .set('Authorization', as('bruno.lima'))
        .expect(200);
      expect(body.items.map((i: any) => i.number)).toEqual([awaiting.number]);
      expect(body.countsByStatus).toEqual({ 'awaiting-approval': 1 });
      await reader
        .get(`${base}/releases/${awaiting.id}`)
        .set('Authorization', as('bruno.lima'))
        .expect(200);
      await reader
        .get(`${base}/releases/${planning.id}`)
        .set('Authorization', as('bruno.lima'))
        .expect(403);
    });

    it('lets a conditional policy grant release.approve to the current approvers only', async () => {
      const api = await start({
        policy: permission =>
          permission.name === 'release.approve'
            ? {
                result: 'CONDITIONAL' as any,
                pluginId: 'release',
                resourceType: 'release',
                conditions: {
                  rule: 'IS_CURRENT_APPROVER',
                  resourceType: 'release',
                  params: { claims: ['group:default/storefront-team'] },
                },
              }
            : { result: 'ALLOW' as any },
      });
      const release = await requested(api, { steps: [cab(), owners] });
      // Bruno is an approver of step 1, but the policy grants approve only
      // on releases whose current step is the storefront team's.
      const denied = await decide(api, 'bruno.lima', release).expect(403);
      expect(denied.body.error.message).toContain('may not approve');
    });
  },
);
