import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  nextWeekWindow,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'release notifications on %p',
  databaseId => {
    it('tell the manager, the executor group and the owners of touched entities, with severity from priority', async () => {
      const sent: NotificationSendOptions[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
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

    it('tell a user when an activity becomes theirs, and only then', async () => {
      const sent: NotificationSendOptions[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
        features: [recordingNotifications(sent)],
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Checkout fix', type: 'minor' })
        .expect(201);
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
