import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  nextWeekWindow,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'release notifications on %p',
  databaseId => {
    it('tell the manager, the executor group and the owners of touched entities, with severity from priority', async () => {
      const sent: NotificationSendOptions[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
        features: [
          // Stands in for the notifications backend: records what is sent.
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async (options: NotificationSendOptions) => {
                sent.push(options);
              },
            }),
          }),
        ],
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
  },
);
