import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { managerOnly } from '../__testUtils__/fakePermissions';
import {
  nextWeekWindow,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the desktop charts on %p',
  databaseId => {
    it('count the filtered releases by status, priority and executor group, as the reader may see them', async () => {
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex);
      const register = (body: object) =>
        api
          .post('/api/release/releases')
          .send({ type: 'minor', ...nextWeekWindow(), ...body })
          .expect(201)
          .then(response => response.body);
      // impact × urgency: high/high → 1, medium/medium → 3.
      const urgent = await register({
        title: 'Payments hotfix',
        impact: 'high',
        urgency: 'high',
        executorGroup: 'group:default/payments-team',
        manager: 'user:default/ana.souza',
      });
      await register({
        title: 'Search tuning',
        executorGroup: 'group:default/storefront-team',
      });
      await register({ title: 'Docs refresh' });
      await api
        .post(`/api/release/releases/${urgent.id}/transitions`)
        .send({ action: 'plan', expectedVersion: urgent.version })
        .expect(200);

      const { body } = await api
        .get('/api/release/releases/breakdown')
        .expect(200);
      expect(body).toEqual({
        byStatus: { registered: 2, planning: 1 },
        byPriority: { '1': 1, '3': 2 },
        byExecutorGroup: expect.arrayContaining([
          { group: 'group:default/payments-team', count: 1 },
          { group: 'group:default/storefront-team', count: 1 },
          { group: null, count: 1 },
        ]),
      });

      const filtered = await api
        .get('/api/release/releases/breakdown')
        .query({ status: 'registered', priority: '3' })
        .expect(200);
      expect(filtered.body.byStatus).toEqual({ registered: 2 });

      const managerView = await startReleaseBackend(knex, {
        policy: permission =>
          permission.name === 'release.read'
            ? managerOnly('user:default/ana.souza')
            : { result: AuthorizeResult.ALLOW },
      });
      const own = await managerView
        .get('/api/release/releases/breakdown')
        .expect(200);
      expect(own.body.byStatus).toEqual({ planning: 1 });

      const invalid = await api
        .get('/api/release/releases/breakdown')
        .query({ priority: '9' })
        .expect(400);
      expect(invalid.body.error.message).toContain('priority');
    });
  },
);
