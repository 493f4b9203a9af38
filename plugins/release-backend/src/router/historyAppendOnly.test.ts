import { ReleaseHistoryEntry } from '@internal/plugin-release-common';
import {
  nextWeekWindow,
  ReleaseApi,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())('the history on %p', databaseId => {
  let api: ReleaseApi;

  beforeAll(async () => {
    api = await startReleaseBackend(await databases.init(databaseId));
  });

  async function historyOf(id: string): Promise<ReleaseHistoryEntry[]> {
    const { body } = await api
      .get(`/api/release/releases/${id}/history`)
      .expect(200);
    return body.items;
  }

  it('only ever grows: every change appends, and nothing edits or deletes an entry', async () => {
    const { body: release } = await api
      .post('/api/release/releases')
      .send({
        title: 'Append-only check',
        type: 'minor',
        businessJustification: 'Audit',
        ...nextWeekWindow(),
      })
      .expect(201);
    const id = release.id as string;
    let version = release.version as number;
    const versionNow = async () =>
      (await api.get(`/api/release/releases/${id}`).expect(200)).body
        .version as number;

    const steps: Array<() => Promise<unknown>> = [
      async () => {
        await api
          .patch(`/api/release/releases/${id}`)
          .send({ expectedVersion: version, title: 'Append-only check 2' })
          .expect(200);
      },
      async () => {
        const { body } = await api
          .post(`/api/release/releases/${id}/relations`)
          .send({
            kind: 'ci',
            entityRef: 'component:default/orders-service',
            role: 'updated',
          })
          .expect(201);
        await api
          .delete(`/api/release/releases/${id}/relations/${body.id}`)
          .expect(204);
      },
      async () => {
        const { body } = await api
          .post(`/api/release/releases/${id}/media`)
          .send({ name: 'orders-service.tar.gz', version: '2.5.0' })
          .expect(201);
        await api
          .delete(`/api/release/releases/${id}/media/${body.id}`)
          .expect(204);
      },
      async () => {
        const { body } = await api
          .post(`/api/release/releases/${id}/activities`)
          .send({ phase: 'planning', title: 'Rollback plan' })
          .expect(201);
        await api
          .patch(`/api/release/releases/${id}/activities/${body.id}`)
          .send({ expectedVersion: body.version, status: 'done' })
          .expect(200);
      },
      async () => {
        await api
          .post(`/api/release/releases/${id}/transitions`)
          .send({ action: 'plan', expectedVersion: await versionNow() })
          .expect(200);
      },
    ];

    let before = await historyOf(id);
    expect(before).toHaveLength(1);
    for (const step of steps) {
      version = await versionNow();
      await step();
      const after = await historyOf(id);
      expect(after.length).toBeGreaterThan(before.length);
      // Every earlier entry is still there, unchanged and in order.
      expect(after.slice(0, before.length)).toEqual(before);
      before = after;
    }

    const entryId = before[0].id;
    for (const [method, path] of [
      ['delete', `/api/release/releases/${id}/history`],
      ['patch', `/api/release/releases/${id}/history`],
      ['put', `/api/release/releases/${id}/history`],
      ['post', `/api/release/releases/${id}/history`],
      ['delete', `/api/release/releases/${id}/history/${entryId}`],
      ['patch', `/api/release/releases/${id}/history/${entryId}`],
      ['put', `/api/release/releases/${id}/history/${entryId}`],
    ] as const) {
      const response = await api[method](path).send({ comment: 'rewritten' });
      expect({ method, path, status: response.status }).toEqual({
        method,
        path,
        status: 404,
      });
    }
    expect(await historyOf(id)).toEqual(before);
  });
});
