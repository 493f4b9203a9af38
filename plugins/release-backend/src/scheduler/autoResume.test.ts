import {
  startReleaseBackend,
  resumingEverySecond,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'automatic resume on %p',
  databaseId => {
    it('resumes a suspended release once its resume date has come', async () => {
      const api = await startReleaseBackend(await databases.init(databaseId), {
        ...resumingEverySecond,
      });
      const reasons = (await api.get('/api/release/justifications')).body.items;
      const freeze = reasons.find((r: any) => r.name === 'Change freeze');
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Search 4.2', type: 'minor' })
        .expect(201);
      await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({ action: 'plan', expectedVersion: 1 })
        .expect(200);
      const resumeAt = new Date(Date.now() + 1500).toISOString();
      await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({
          action: 'suspend',
          expectedVersion: 2,
          justificationId: freeze.id,
          resumeAt,
        })
        .expect(200);

      let current = release;
      for (
        let attempt = 0;
        attempt < 40 && current.status !== 'planning';
        attempt++
      ) {
        await new Promise(resolve => setTimeout(resolve, 250));
        current = (await api.get(`/api/release/releases/${release.id}`)).body;
      }
      expect(current).toMatchObject({
        status: 'planning',
        resumeAt: null,
        version: 4,
      });
      const history = (
        await api.get(`/api/release/releases/${release.id}/history`)
      ).body.items;
      expect(history.at(-1)).toMatchObject({
        action: 'resume',
        fromStatus: 'suspended',
        toStatus: 'planning',
        actor: 'plugin:release',
        comment: 'resumed automatically at the planned date',
      });
    });
  },
);
