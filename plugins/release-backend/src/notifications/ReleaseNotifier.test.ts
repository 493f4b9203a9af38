import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  nextWeekWindow,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { owedNotificationsSent } from '../__testUtils__/notificationOutbox';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'release notifications on %p',
  databaseId => {
    it('tell the manager, the executor group and the owners of touched entities, with severity from priority', async () => {
      const sent: NotificationSendOptions[] = [];
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex, {
        features: [recordingNotifications(sent)],
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({
          title: 'Orders database failover',
          type: 'emergency',
          impact: 'high',
          urgency: 'high',
          manager: 'user:default/ana.souza',
          executorGroup: 'group:default/platform-team',
          ...nextWeekWindow(),
        })
        .expect(201);
      await api
        .post(`/api/release/releases/${release.id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'resource:default/orders-db',
          role: 'updated',
        })
        .expect(201);
      const { body: current } = await api
        .get(`/api/release/releases/${release.id}`)
        .expect(200);
      await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({ action: 'plan', expectedVersion: current.version })
        .expect(200);

      await owedNotificationsSent(knex);
      expect(sent).toHaveLength(2);
      expect(sent[0].payload).toMatchObject({
        title: `${release.number} was registered: Orders database failover`,
        severity: 'critical',
        topic: 'release-register',
        link: `/release/releases/${release.id}`,
      });
      expect(sent[1]).toEqual({
        recipients: {
          type: 'entity',
          entityRef: expect.arrayContaining([
            'user:default/ana.souza',
            'group:default/platform-team',
            // Owns orders-db and what depends on it.
            'group:default/storefront-team',
          ]),
        },
        payload: expect.objectContaining({
          title: `${release.number} is being planned: Orders database failover`,
          description: `Release ${release.number} is now planning.`,
          severity: 'critical',
          topic: 'release-plan',
        }),
      });
    });

    it('tell the same people of every workflow action, one topic per action', async () => {
      const sent: NotificationSendOptions[] = [];
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex, {
        features: [recordingNotifications(sent)],
      });
      const reasons = Object.fromEntries(
        (await api.get('/api/release/justifications')).body.items.map(
          (r: any) => [r.name, r.id],
        ),
      );
      const { body: release } = await api
        .post('/api/release/releases')
        .send({
          title: 'Search 4.2',
          type: 'minor',
          manager: 'user:default/ana.souza',
          executorGroup: 'group:default/platform-team',
          businessJustification: 'Better search results',
          ...nextWeekWindow(),
        })
        .expect(201);
      const id = release.id;
      // The owners of what it touches are told too.
      await api
        .post(`/api/release/releases/${id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'api:default/reporting-api',
          role: 'updated',
        })
        .expect(201);
      let version = release.version;
      const act = async (body: object) => {
        const response = await api
          .post(`/api/release/releases/${id}/transitions`)
          .send({ ...body, expectedVersion: version });
        expect([response.status, response.body.error?.message]).toEqual([
          200,
          undefined,
        ]);
        version = response.body.version;
      };
      version = (await api.get(`/api/release/releases/${id}`)).body.version;
      const finish = async (phase: string) => {
        const { body: activity } = await api
          .post(`/api/release/releases/${id}/activities`)
          .send({ phase, title: `${phase} work` })
          .expect(201);
        await api
          .patch(`/api/release/releases/${id}/activities/${activity.id}`)
          .send({ status: 'done', expectedVersion: activity.version })
          .expect(200);
        version = (await api.get(`/api/release/releases/${id}`)).body.version;
      };

      await act({ action: 'plan' });
      await finish('planning');
      await act({ action: 'authorize' });
      await act({
        action: 'suspend',
        justificationId: reasons['Change freeze'],
      });
      await act({ action: 'resume' });
      await act({ action: 'deploy' });
      await finish('deployment');
      await act({ action: 'execute' });
      await act({ action: 'close', outcome: 'successful' });
      await act({
        action: 'reopen',
        justificationId: reasons['Defect found after closure'],
      });
      await act({
        action: 'cancel',
        justificationId: reasons['Superseded by another release'],
      });

      await owedNotificationsSent(knex);
      const recipients = sent.map(n =>
        [...(n.recipients as { entityRef: string[] }).entityRef].sort(),
      );
      // Registered before any CI was related: the manager and the group.
      const managerAndGroup = [
        'group:default/platform-team',
        'user:default/ana.souza',
      ];
      expect(recipients[0]).toEqual(managerAndGroup);
      const withOwners = recipients[1];
      expect(withOwners).toEqual(
        expect.arrayContaining([...managerAndGroup, 'group:default/data-team']),
      );
      expect(
        sent.map((n, i) => [n.payload.topic, n.payload.title, recipients[i]]),
      ).toEqual(
        [
          ['register', 'was registered'],
          ['plan', 'is being planned'],
          ['authorize', 'was authorized'],
          ['suspend', 'was suspended'],
          ['resume', 'was resumed'],
          ['deploy', 'is being deployed'],
          ['execute', 'was executed'],
          ['close', 'was closed'],
          ['reopen', 'was reopened'],
          ['cancel', 'was cancelled'],
        ].map(([action, verb], i) => [
          `release-${action}`,
          `${release.number} ${verb}: Search 4.2`,
          i === 0 ? managerAndGroup : withOwners,
        ]),
      );
      expect(
        sent.every(n => n.payload.link === `/release/releases/${id}`),
      ).toBe(true);
    });

    it("speak the portal's language when it is Brazilian Portuguese", async () => {
      const sent: NotificationSendOptions[] = [];
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex, {
        features: [recordingNotifications(sent)],
        config: { release: { language: 'pt-BR' } },
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({
          title: 'Pedidos 3.0',
          type: 'minor',
          manager: 'user:default/ana.souza',
          ...nextWeekWindow(),
        })
        .expect(201);
      await api
        .post(`/api/release/releases/${release.id}/activities`)
        .send({
          phase: 'deployment',
          title: 'Plano de retorno',
          assignee: 'user:default/bruno.lima',
        })
        .expect(201);
      const reasons = (await api.get('/api/release/justifications')).body.items;
      let { version } = (
        await api.get(`/api/release/releases/${release.id}`).expect(200)
      ).body;
      for (const body of [
        { action: 'plan' },
        {
          action: 'suspend',
          justificationId: reasons.find((r: any) =>
            r.appliesTo.includes('suspend'),
          ).id,
        },
      ]) {
        ({ version } = (
          await api
            .post(`/api/release/releases/${release.id}/transitions`)
            .send({ ...body, expectedVersion: version })
            .expect(200)
        ).body);
      }

      await owedNotificationsSent(knex);
      expect(sent.map(n => [n.payload.title, n.payload.description])).toEqual([
        [
          `${release.number} foi cadastrada: Pedidos 3.0`,
          `A liberação ${release.number} agora está na situação "Registrada".`,
        ],
        [
          `${release.number}: "Plano de retorno" foi atribuída a você`,
          'Uma atividade da fase de implantação de Pedidos 3.0.',
        ],
        [
          `${release.number} está em planejamento: Pedidos 3.0`,
          `A liberação ${release.number} agora está na situação "Em planejamento".`,
        ],
        [
          `${release.number} foi suspensa: Pedidos 3.0`,
          `A liberação ${release.number} agora está na situação "Suspensa".`,
        ],
      ]);
    });

    it('tell a user when an activity becomes theirs, and only then', async () => {
      const sent: NotificationSendOptions[] = [];
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex, {
        features: [recordingNotifications(sent)],
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Checkout fix', type: 'minor' })
        .expect(201);
      await owedNotificationsSent(knex);
      sent.length = 0;
      const { body: activity } = await api
        .post(`/api/release/releases/${release.id}/activities`)
        .send({
          phase: 'planning',
          title: 'Rollback plan',
          assignee: 'user:default/bruno.lima',
        })
        .expect(201);
      const { body: renamed } = await api
        .patch(`/api/release/releases/${release.id}/activities/${activity.id}`)
        .send({ expectedVersion: activity.version, title: 'Rollback drill' })
        .expect(200);
      await api
        .patch(`/api/release/releases/${release.id}/activities/${activity.id}`)
        .send({
          expectedVersion: renamed.version,
          assignee: 'user:default/carla.mendes',
        })
        .expect(200);

      await owedNotificationsSent(knex);
      expect(
        sent.map(n => [n.recipients, n.payload.title, n.payload.topic]),
      ).toEqual([
        [
          { type: 'entity', entityRef: 'user:default/bruno.lima' },
          `${release.number}: "Rollback plan" is assigned to you`,
          'release-activity-assigned',
        ],
        [
          { type: 'entity', entityRef: 'user:default/carla.mendes' },
          `${release.number}: "Rollback drill" is assigned to you`,
          'release-activity-assigned',
        ],
      ]);
    });
  },
);
