import { Justification } from '@internal/plugin-release-common';
import {
  nextWeekWindow,
  ReleaseApi,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'a release from register to close on %p',
  databaseId => {
    let api: ReleaseApi;
    let reasons: Record<string, Justification>;

    beforeAll(async () => {
      api = await startReleaseBackend(await databases.init(databaseId));
      const { body } = await api.get('/api/release/justifications').expect(200);
      reasons = Object.fromEntries(
        (body.items as Justification[]).map(j => [j.name, j]),
      );
    });

    function act(id: string, version: number, body: object) {
      return api
        .post(`/api/release/releases/${id}/transitions`)
        .send({ expectedVersion: version, ...body });
    }

    it('goes through every phase and keeps the whole history', async () => {
      const registered = await api
        .post('/api/release/releases')
        .send({
          title: 'Orders service 2.4',
          type: 'minor',
          impact: 'high',
          urgency: 'medium',
          businessJustification: 'Split payments for large baskets',
          manager: 'user:default/ana.souza',
          executorGroup: 'group:default/storefront-team',
          ...nextWeekWindow(),
        })
        .expect(201);
      const release = registered.body;
      expect(release).toMatchObject({
        number: expect.stringMatching(/^REL-\d{6}$/),
        status: 'registered',
        version: 1,
        priority: 2,
        requester: 'user:default/mock',
        allowedActions: ['plan', 'suspend', 'cancel'],
      });
      const id = release.id;

      const missing = await api
        .post(`/api/release/releases/${id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'component:default/no-such-thing',
          role: 'updated',
        })
        .expect(400);
      expect(missing.body.error.message).toContain('entityRef');
      await api
        .post(`/api/release/releases/${id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'component:default/orders-service',
          role: 'updated',
        })
        .expect(201);
      await api
        .post(`/api/release/releases/${id}/relations`)
        .send({
          kind: 'change',
          key: 'CHG-1042',
          title: 'Orders schema change',
          url: 'https://itsm.example.com/CHG-1042',
        })
        .expect(201);

      const rollback = await api
        .post(`/api/release/releases/${id}/activities`)
        .send({
          phase: 'planning',
          title: 'Rollback plan',
          assignee: 'user:default/ana.souza',
        })
        .expect(201);

      let current = (await act(id, 1, { action: 'plan' }).expect(200)).body;
      expect(current).toMatchObject({ status: 'planning', version: 2 });

      const blocked = await act(id, 2, { action: 'authorize' }).expect(409);
      expect(blocked.body.error.message).toContain('Rollback plan');

      await api
        .patch(`/api/release/releases/${id}/activities/${rollback.body.id}`)
        .send({ status: 'done', expectedVersion: 1 })
        .expect(200);

      current = (await act(id, 2, { action: 'authorize' }).expect(200)).body;
      expect(current.status).toBe('authorized');

      current = (
        await act(id, 3, {
          action: 'suspend',
          justificationId: reasons['Change freeze'].id,
          comment: 'Freeze until the campaign ends',
        }).expect(200)
      ).body;
      expect(current).toMatchObject({
        status: 'suspended',
        suspendedFrom: 'authorized',
      });
      current = (await act(id, 4, { action: 'resume' }).expect(200)).body;
      expect(current).toMatchObject({
        status: 'authorized',
        suspendedFrom: null,
      });

      current = (await act(id, 5, { action: 'deploy' }).expect(200)).body;
      expect(current.status).toBe('deployment');
      expect(current.actualStart).toEqual(expect.any(String));

      const deploy = await api
        .post(`/api/release/releases/${id}/activities`)
        .send({ phase: 'deployment', title: 'Deploy to production' })
        .expect(201);
      await act(id, 6, { action: 'execute' }).expect(409);
      await api
        .patch(`/api/release/releases/${id}/activities/${deploy.body.id}`)
        .send({ status: 'done', expectedVersion: 1 })
        .expect(200);
      current = (await act(id, 6, { action: 'execute' }).expect(200)).body;
      expect(current.status).toBe('executed');

      const noNotes = await act(id, 7, {
        action: 'close',
        outcome: 'partial',
      }).expect(400);
      expect(noNotes.body.error.message).toContain('closureNotes');
      current = (
        await act(id, 7, { action: 'close', outcome: 'successful' }).expect(200)
      ).body;
      expect(current).toMatchObject({
        status: 'closed',
        outcome: 'successful',
      });

      current = (
        await act(id, 8, {
          action: 'reopen',
          justificationId: reasons['Defect found after closure'].id,
        }).expect(200)
      ).body;
      expect(current).toMatchObject({
        status: 'planning',
        reopenCount: 1,
        outcome: null,
      });

      current = (
        await act(id, 9, {
          action: 'cancel',
          justificationId: reasons['Superseded by another release'].id,
        }).expect(200)
      ).body;
      expect(current.status).toBe('cancelled');

      const history = (
        await api.get(`/api/release/releases/${id}/history`).expect(200)
      ).body.items;
      expect(
        history
          .filter((entry: any) => entry.kind === 'transition')
          .map((entry: any) => [
            entry.action,
            entry.fromStatus,
            entry.toStatus,
          ]),
      ).toEqual([
        ['plan', 'registered', 'planning'],
        ['authorize', 'planning', 'authorized'],
        ['suspend', 'authorized', 'suspended'],
        ['resume', 'suspended', 'authorized'],
        ['deploy', 'authorized', 'deployment'],
        ['execute', 'deployment', 'executed'],
        ['close', 'executed', 'closed'],
        ['reopen', 'closed', 'planning'],
        ['cancel', 'planning', 'cancelled'],
      ]);
      expect(history[0]).toMatchObject({
        kind: 'created',
        actor: 'user:default/mock',
      });
      expect(history.find((e: any) => e.action === 'suspend')).toMatchObject({
        justificationId: reasons['Change freeze'].id,
        comment: 'Freeze until the campaign ends',
      });
      expect(history.map((e: any) => e.kind)).toEqual(
        expect.arrayContaining(['relation', 'activity']),
      );
      // The person did everything; the plugin only moved the risk level as
      // the assessment followed the CIs and activities (docs/risk.md).
      expect(
        history
          .filter((e: any) => e.actor !== 'user:default/mock')
          .map((e: any) => [e.actor, e.action]),
      ).toEqual(
        history
          .filter((e: any) => e.action === 'risk-assessed')
          .map(() => ['plugin:release', 'risk-assessed']),
      );
    });

    it('refuses an action the state does not allow, saying what is allowed', async () => {
      const { body } = await api
        .post('/api/release/releases')
        .send({ title: 'Search reindex', type: 'emergency' })
        .expect(201);
      const refused = await act(body.id, 1, { action: 'deploy' }).expect(409);
      expect(refused.body.error.message).toBe(
        `Cannot deploy ${body.number}: it is registered. Allowed now: plan, suspend, cancel`,
      );
    });

    it('refuses a stale version and writes nothing', async () => {
      const { body } = await api
        .post('/api/release/releases')
        .send({ title: 'Billing 5.0', type: 'major' })
        .expect(201);
      await act(body.id, 1, { action: 'plan' }).expect(200);
      const stale = await api
        .patch(`/api/release/releases/${body.id}`)
        .send({ title: 'Billing 5.1', expectedVersion: 1 })
        .expect(409);
      expect(stale.body.error.message).toContain('changed by someone else');
      const after = (
        await api.get(`/api/release/releases/${body.id}`).expect(200)
      ).body;
      expect(after).toMatchObject({ title: 'Billing 5.0', version: 2 });
    });

    it('lets exactly one of 20 concurrent transitions on one version win', async () => {
      const { body } = await api
        .post('/api/release/releases')
        .send({ title: 'Gateway 3.1', type: 'minor' })
        .expect(201);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => act(body.id, 1, { action: 'plan' })),
      );
      const statuses = results.map(r => r.status).sort();
      expect(statuses.filter(s => s === 200)).toHaveLength(1);
      expect(statuses.filter(s => s === 409)).toHaveLength(19);
      const history = (
        await api.get(`/api/release/releases/${body.id}/history`)
      ).body.items;
      expect(history.filter((e: any) => e.action === 'plan')).toHaveLength(1);
    });

    it('numbers 50 concurrent registrations consecutively without duplicates', async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          api
            .post('/api/release/releases')
            .send({ title: `Batch ${i}`, type: 'minor' }),
        ),
      );
      expect(results.map(r => r.status)).toEqual(Array(50).fill(201));
      const numbers = results
        .map(r => Number(r.body.number.slice(4)))
        .sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(50);
      expect(numbers[49] - numbers[0]).toBe(49);
    });
  },
);
