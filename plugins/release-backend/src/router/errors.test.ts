import { Knex } from 'knex';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { managerOnly } from '../__testUtils__/fakePermissions';

jest.setTimeout(120_000);

const databases = createTestDatabases();
async function rowCount(knex: Knex, table: string) {
  const [row] = await knex(table).count({ n: '*' });
  return Number(row.n);
}

const noCredentials = { Authorization: 'Bearer mock-none-token' };

describe.each(databases.eachSupportedId())('API errors on %p', databaseId => {
  it('answers bad input with a 400 naming each field', async () => {
    const api = await startReleaseBackend(await databases.init(databaseId));
    const cases: Array<[object, string[]]> = [
      [{}, ['title', 'type']],
      [{ title: 'x'.repeat(201), type: 'minor' }, ['title']],
      [{ title: 'A', type: 'minor', priority: 1 }, ['priority: unknown field']],
      [{ title: 'A', type: 'minor', plannedStart: 'soon' }, ['plannedStart']],
      [
        {
          title: 'A',
          type: 'minor',
          plannedStart: '2026-12-02T00:00:00Z',
          plannedEnd: '2026-12-01T00:00:00Z',
        },
        ['plannedEnd: must be after plannedStart'],
      ],
      [
        { title: 'A', type: 'minor', manager: 'group:default/payments-team' },
        ['manager'],
      ],
      [
        {
          title: 'A',
          type: 'minor',
          portfolioId: '6f1c1d1e-0000-4000-8000-000000000001',
        },
        ['portfolioId'],
      ],
    ];
    for (const [body, fields] of cases) {
      const response = await api.post('/api/release/releases').send(body);
      expect(response.status).toBe(400);
      for (const field of fields) {
        expect(response.body.error.message).toContain(field);
      }
      // The same fields as data, for forms to show each on its own.
      expect(
        response.body.error.details.map((d: { field: string }) => d.field),
      ).toEqual(fields.map(field => field.split(':')[0]));
    }
    // A body that is not JSON names the body, and echoes nothing back.
    const malformed = await api
      .post('/api/release/releases')
      .set('Content-Type', 'application/json')
      .send('{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toEqual({
      name: 'InputError',
      message: 'Invalid request: body: must be a JSON object',
      details: [{ field: 'body', message: 'must be a JSON object' }],
    });
    const list = await api.get('/api/release/releases');
    expect(list.body.totalCount).toBe(0);
  });

  it('answers 400 for malformed queries and transitions', async () => {
    const api = await startReleaseBackend(await databases.init(databaseId));
    const listing = await api.get('/api/release/releases?limit=0&status=done');
    expect(listing.status).toBe(400);
    expect(listing.body.error.message).toMatch(/status.*limit|limit.*status/s);
    const { body } = await api
      .post('/api/release/releases')
      .send({ title: 'A', type: 'minor' });
    const transition = await api
      .post(`/api/release/releases/${body.id}/transitions`)
      .send({ action: 'launch' });
    expect(transition.status).toBe(400);
    expect(transition.body.error.message).toContain('action');
    expect(transition.body.error.message).toContain('expectedVersion');
  });

  it('answers 401 without credentials and writes nothing', async () => {
    const knex = await databases.init(databaseId);
    const api = await startReleaseBackend(knex);
    const response = await api
      .post('/api/release/releases')
      .set(noCredentials)
      .send({ title: 'A', type: 'minor' });
    expect(response.status).toBe(401);
    await api.get('/api/release/releases').set(noCredentials).expect(401);
    expect(await rowCount(knex, 'releases')).toBe(0);
  });

  it('answers 403 when denied and writes nothing', async () => {
    const knex = await databases.init(databaseId);
    const denied = await startReleaseBackend(knex, {
      permission: AuthorizeResult.DENY,
    });
    const response = await denied
      .post('/api/release/releases')
      .send({ title: 'A', type: 'minor' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('You may not register releases');
    expect(await rowCount(knex, 'releases')).toBe(0);
    expect(await rowCount(knex, 'release_history')).toBe(0);
    await denied
      .post('/api/release/justifications')
      .send({ name: 'Weather', appliesTo: ['suspend'] })
      .expect(403);
    expect(
      await knex('release_justifications').where({ name: 'Weather' }),
    ).toEqual([]);
  });

  it('answers 404 for unknown releases, activities and relations', async () => {
    const api = await startReleaseBackend(await databases.init(databaseId));
    await api.get('/api/release/releases/not-a-uuid').expect(404);
    await api
      .get('/api/release/releases/6f1c1d1e-0000-4000-8000-000000000001')
      .expect(404);
    const { body } = await api
      .post('/api/release/releases')
      .send({ title: 'A', type: 'minor' });
    await api
      .patch(
        `/api/release/releases/${body.id}/activities/6f1c1d1e-0000-4000-8000-000000000002`,
      )
      .send({ status: 'done', expectedVersion: 1 })
      .expect(404);
    await api
      .delete(
        `/api/release/releases/${body.id}/relations/6f1c1d1e-0000-4000-8000-000000000003`,
      )
      .expect(404);
    await api
      .get('/api/release/portfolios/6f1c1d1e-0000-4000-8000-000000000004')
      .expect(404);
    // Ids that are not UUIDs are unknown too, on every database.
    await api
      .patch(`/api/release/releases/${body.id}/activities/not-a-uuid`)
      .send({ status: 'done', expectedVersion: 1 })
      .expect(404);
    await api
      .delete(`/api/release/releases/${body.id}/activities/not-a-uuid`)
      .expect(404);
    await api
      .delete(`/api/release/releases/${body.id}/relations/not-a-uuid`)
      .expect(404);
    await api
      .delete(`/api/release/releases/${body.id}/media/not-a-uuid`)
      .expect(404);
  });

  it('hides releases a conditional decision excludes, from lists and counts, in SQL', async () => {
    const knex = await databases.init(databaseId);
    const admin = await startReleaseBackend(knex);
    for (const [title, manager] of [
      ['Ana 1', 'user:default/ana.souza'],
      ['Bruno 1', 'user:default/bruno.lima'],
      ['Ana 2', 'user:default/ana.souza'],
    ]) {
      await admin
        .post('/api/release/releases')
        .send({ title, type: 'minor', manager })
        .expect(201);
    }
    const ana = await startReleaseBackend(knex, {
      policy: permission =>
        permission.name === 'release.read'
          ? managerOnly('user:default/ana.souza')
          : { result: AuthorizeResult.ALLOW },
    });
    const list = (await ana.get('/api/release/releases').expect(200)).body;
    expect(list.items.map((r: any) => r.title).sort()).toEqual([
      'Ana 1',
      'Ana 2',
    ]);
    expect(list.totalCount).toBe(2);
    expect(list.countsByStatus).toEqual({ registered: 2 });
    const brunos = (await admin.get('/api/release/releases?q=Bruno')).body
      .items[0];
    const hidden = await ana.get(`/api/release/releases/${brunos.id}`);
    expect(hidden.status).toBe(403);
  });

  it('refuses workflow actions on releases the caller does not manage, writing nothing', async () => {
    const knex = await databases.init(databaseId);
    const admin = await startReleaseBackend(knex);
    const { body } = await admin
      .post('/api/release/releases')
      .send({
        title: 'Payments 7',
        type: 'minor',
        manager: 'user:default/elena.petrova',
      })
      .expect(201);
    const other = await startReleaseBackend(knex, {
      policy: permission =>
        permission.name === 'release.read' ||
        permission.name === 'release.create'
          ? { result: AuthorizeResult.ALLOW }
          : managerOnly('user:default/hiro.tanaka'),
    });
    const details = (
      await other.get(`/api/release/releases/${body.id}`).expect(200)
    ).body;
    expect(details.allowedActions).toEqual([]);
    const [listed] = (await other.get('/api/release/releases')).body.items;
    expect(listed.allowedActions).toEqual([]);
    const [asAdmin] = (await admin.get('/api/release/releases')).body.items;
    expect(asAdmin.allowedActions).toEqual(['plan', 'suspend', 'cancel']);
    await other
      .post(`/api/release/releases/${body.id}/transitions`)
      .send({ action: 'plan', expectedVersion: 1 })
      .expect(403);
    const history = await knex('release_history').where({
      release_id: body.id,
    });
    expect(history.map(h => h.kind)).toEqual(['created']);
  });
});
