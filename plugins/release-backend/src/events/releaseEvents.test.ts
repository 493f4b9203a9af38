import { EventParams } from '@backstage/plugin-events-node';
import { recordingEventListener } from '../__testUtils__/recordingServices';
import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'release events on %p',
  databaseId => {
    it('publishes registrations, transitions and activity changes on the events service', async () => {
      const received: EventParams[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
        features: [recordingEventListener(received)],
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Evented', type: 'minor' })
        .expect(201);
      await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({ action: 'plan', expectedVersion: release.version })
        .expect(200);
      const { body: activity } = await api
        .post(`/api/release/releases/${release.id}/activities`)
        .send({ phase: 'planning', title: 'Scope' })
        .expect(201);
      // A refused change publishes nothing.
      await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({ action: 'plan', expectedVersion: release.version })
        .expect(409);

      expect(received.map(e => e.eventPayload)).toEqual([
        {
          type: 'release.registered',
          releaseId: release.id,
          number: release.number,
          actor: 'user:default/mock',
        },
        {
          type: 'release.transitioned',
          releaseId: release.id,
          number: release.number,
          action: 'plan',
          fromStatus: 'registered',
          toStatus: 'planning',
          actor: 'user:default/mock',
        },
        {
          type: 'release.activity-changed',
          releaseId: release.id,
          change: 'added',
          activityId: activity.id,
          actor: 'user:default/mock',
        },
      ]);
      expect(received.map(e => [e.topic, e.metadata?.type])).toEqual([
        ['release', 'release.registered'],
        ['release', 'release.transitioned'],
        ['release', 'release.activity-changed'],
      ]);
    });
  },
);
