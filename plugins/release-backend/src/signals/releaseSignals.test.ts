import { mockServices } from '@backstage/backend-test-utils';
import { SignalPayload } from '@backstage/plugin-signals-node';
import {
  RELEASE_SIGNAL_CHANNEL,
  ReleaseImpact,
} from '@internal/plugin-release-common';
import { ImpactRepository } from '../database/ImpactRepository';
import { recordingSignals } from '../__testUtils__/recordingServices';
import {
  startReleaseBackend,
  resumingEverySecond,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ReleaseSignalPublisher } from './ReleaseSignalPublisher';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** A release change signal as the plugin publishes it. */
function signal(message: object) {
  return {
    recipients: { type: 'broadcast' },
    channel: RELEASE_SIGNAL_CHANNEL,
    message,
  };
}

describe.each(databases.eachSupportedId())(
  'release change signals on %p',
  databaseId => {
    it('signals every committed change to a release, and nothing for a refused request', async () => {
      const published: SignalPayload[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
        features: [recordingSignals(published)],
      });
      /** What was published since the last call. */
      const newly = (() => {
        let seen = 0;
        return () => {
          const since = published.slice(seen);
          seen = published.length;
          return since;
        };
      })();

      // Refused before anything is written: a 400.
      await api
        .post('/api/release/releases')
        .send({ type: 'minor' })
        .expect(400);
      expect(newly()).toEqual([]);

      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Signalled', type: 'minor' })
        .expect(201);
      const id = release.id;
      expect(newly()).toEqual([
        signal({ releaseId: id, version: 1, entityRefs: [] }),
      ]);

      await api
        .patch(`/api/release/releases/${id}`)
        .send({ expectedVersion: 1, title: 'Signalled, edited' })
        .expect(200);
      expect(newly()).toEqual([
        signal({ releaseId: id, version: 2, entityRefs: [] }),
      ]);
      // A stale version, and a field the backend refuses.
      await api
        .patch(`/api/release/releases/${id}`)
        .send({ expectedVersion: 1, title: 'Overwrite' })
        .expect(409);
      await api
        .patch(`/api/release/releases/${id}`)
        .send({ expectedVersion: 2, title: '' })
        .expect(400);
      expect(newly()).toEqual([]);

      await api
        .post(`/api/release/releases/${id}/transitions`)
        .send({ action: 'plan', expectedVersion: 2 })
        .expect(200);
      expect(newly()).toEqual([
        signal({ releaseId: id, version: 3, entityRefs: [] }),
      ]);
      await api
        .post(`/api/release/releases/${id}/transitions`)
        .send({ action: 'plan', expectedVersion: 2 })
        .expect(409);
      expect(newly()).toEqual([]);

      // Activities, relations and media change the release, not its version.
      const { body: activity } = await api
        .post(`/api/release/releases/${id}/activities`)
        .send({ phase: 'planning', title: 'Scope' })
        .expect(201);
      await api
        .patch(`/api/release/releases/${id}/activities/${activity.id}`)
        .send({ expectedVersion: activity.version, status: 'done' })
        .expect(200);
      await api
        .patch(`/api/release/releases/${id}/activities/${activity.id}`)
        .send({ expectedVersion: activity.version, status: 'pending' })
        .expect(409);
      await api
        .post(`/api/release/releases/${id}/activities`)
        .send({ phase: 'sometime', title: 'Nope' })
        .expect(400);
      expect(newly()).toEqual([
        signal({ releaseId: id, version: 3, entityRefs: [] }),
        signal({ releaseId: id, version: 3, entityRefs: [] }),
      ]);

      const { body: relation } = await api
        .post(`/api/release/releases/${id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'component:default/orders-service',
          role: 'updated',
        })
        .expect(201);
      const impact: ReleaseImpact = (
        await api.get(`/api/release/releases/${id}/impact`).expect(200)
      ).body;
      const touched = impact.entities.map(e => e.entityRef).sort();
      expect(touched.length).toBeGreaterThan(1);
      // Once, after the walk: the CI and everything reached from it.
      expect(newly()).toEqual([
        signal({ releaseId: id, version: 3, entityRefs: touched }),
      ]);
      await api
        .post(`/api/release/releases/${id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'component:default/orders-service',
          role: 'updated',
        })
        .expect(409);
      expect(newly()).toEqual([]);

      // Removing the CI reaches the entities the release no longer touches.
      await api
        .delete(`/api/release/releases/${id}/relations/${relation.id}`)
        .expect(204);
      expect(newly()).toEqual([
        signal({ releaseId: id, version: 3, entityRefs: touched }),
      ]);

      const { body: media } = await api
        .post(`/api/release/releases/${id}/media`)
        .send({ name: 'orders-service.tar.gz' })
        .expect(201);
      await api
        .delete(`/api/release/releases/${id}/media/${media.id}`)
        .expect(204);
      expect(newly()).toEqual([
        signal({ releaseId: id, version: 3, entityRefs: [] }),
        signal({ releaseId: id, version: 3, entityRefs: [] }),
      ]);
    });

    it('signals the scheduled resume of a suspended release', async () => {
      const published: SignalPayload[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
        features: [recordingSignals(published)],
        ...resumingEverySecond,
      });
      const reasons = (await api.get('/api/release/justifications')).body.items;
      const freeze = reasons.find((r: any) => r.name === 'Change freeze');
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Resumed by itself', type: 'minor' })
        .expect(201);
      await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({ action: 'plan', expectedVersion: 1 })
        .expect(200);
      await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({
          action: 'suspend',
          expectedVersion: 2,
          justificationId: freeze.id,
          resumeAt: new Date(Date.now() + 1500).toISOString(),
        })
        .expect(200);

      for (let attempt = 0; attempt < 40 && published.length < 4; attempt++) {
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      expect(published).toEqual(
        [1, 2, 3, 4].map(version =>
          signal({ releaseId: release.id, version, entityRefs: [] }),
        ),
      );
      const { body: resumed } = await api
        .get(`/api/release/releases/${release.id}`)
        .expect(200);
      expect(resumed).toMatchObject({ status: 'planning', version: 4 });
    });

    it('completes the request when the signal cannot be published', async () => {
      const published: SignalPayload[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
        features: [recordingSignals(published, true)],
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Unsignalled', type: 'minor' })
        .expect(201);
      await api
        .post(`/api/release/releases/${release.id}/activities`)
        .send({ phase: 'planning', title: 'Scope' })
        .expect(201);
      expect(published).toEqual([]);
    });
  },
);

describe('ReleaseSignalPublisher', () => {
  it('lists no entity refs when the release touches too many to list', async () => {
    const published: SignalPayload[] = [];
    const many = Array.from(
      { length: 101 },
      (_, i) => `component:default/c${String(i).padStart(3, '0')}`,
    );
    const impact = {
      touchedEntityRefs: async (_: string, limit?: number) =>
        many.slice(0, limit),
    } as unknown as ImpactRepository;
    const publisher = new ReleaseSignalPublisher(
      { publish: async s => void published.push(s) },
      impact,
      mockServices.logger.mock(),
    );

    await publisher.changed({ id: 'r1', version: 7 }, many.slice(0, 3));

    expect(published).toEqual([signal({ releaseId: 'r1', version: 7 })]);
  });
});
