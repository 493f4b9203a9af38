import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  nextWeekWindow,
  ReleaseApi,
  startReleaseBackend,
} from './__testUtils__/testBackend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(180_000);

const databases = createTestDatabases();
const postgresIds: TestDatabaseId[] = databases
  .eachSupportedId()
  .map(([id]) => id)
  .filter(id => id.startsWith('POSTGRES'));

/*
 * Two backend replicas, each with its own connection pool, on one
 * PostgreSQL database: what one replica would get right alone must hold
 * when both serve at once.
 */
const eachPostgres =
  postgresIds.length > 0 ? describe.each(postgresIds) : () => () => {};

eachPostgres('two replicas on %p', (databaseId: TestDatabaseId) => {
  let pools: Knex[];
  let replicas: ReleaseApi[];

  beforeAll(async () => {
    const first = await databases.init(databaseId);
    pools = [first, knexFactory(first.client.config)];
    // One after the other, as in a rolling deployment: started at once, the
    // upstream scheduler's own knex migrations on the same database can
    // refuse a replica with "Migration table is already locked".
    replicas = [
      await startReleaseBackend(pools[0]),
      await startReleaseBackend(pools[1]),
    ];
  });

  afterAll(async () => {
    await pools[1]?.destroy();
  });

  it('numbers registrations across both without gaps or duplicates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        replicas[i % 2]
          .post('/api/release/releases')
          .send({ title: `Replica ${i}`, type: 'minor' }),
      ),
    );
    expect(responses.map(r => r.status)).toEqual(responses.map(() => 201));
    const numbers = responses
      .map(r => Number(r.body.number.replace('REL-', '')))
      .sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(40);
    expect(numbers[39] - numbers[0]).toBe(39);
  });

  it('lets exactly one of many concurrent transitions on one version win', async () => {
    const { body } = await replicas[0]
      .post('/api/release/releases')
      .send({ title: 'Contended', type: 'minor' })
      .expect(201);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        replicas[i % 2]
          .post(`/api/release/releases/${body.id}/transitions`)
          .send({ action: 'plan', expectedVersion: body.version }),
      ),
    );
    const statuses = responses.map(r => r.status).sort();
    expect(statuses.filter(s => s === 200)).toHaveLength(1);
    expect(statuses.filter(s => s === 409)).toHaveLength(19);
    const history = await replicas[1]
      .get(`/api/release/releases/${body.id}/history`)
      .expect(200);
    expect(
      history.body.items.filter((h: any) => h.action === 'plan'),
    ).toHaveLength(1);
  });

  it('resumes a suspended release once, though both replicas schedule the job', async () => {
    // Two more replicas with the real scheduler, started one after the other
    // as in a rolling deployment: the scheduler's own migrations (upstream)
    // do not take turns the way the plugin's do.
    const withScheduler = (knex: Knex) =>
      startReleaseBackend(knex, {
        realScheduler: true,
        config: {
          release: {
            autoResume: { frequency: { seconds: 1 }, timeout: { seconds: 30 } },
          },
        },
      });
    const scheduling = [
      await withScheduler(pools[0]),
      await withScheduler(pools[1]),
    ];
    const { body } = await scheduling[0]
      .post('/api/release/releases')
      .send({ title: 'Paused', type: 'minor', ...nextWeekWindow() })
      .expect(201);
    const reasons = await scheduling[0].get('/api/release/justifications');
    const reason = reasons.body.items.find((j: any) =>
      j.appliesTo.includes('suspend'),
    );
    const resumeAt = new Date(Date.now() + 1500).toISOString();
    await scheduling[1]
      .post(`/api/release/releases/${body.id}/transitions`)
      .send({
        action: 'suspend',
        expectedVersion: body.version,
        justificationId: reason.id,
        resumeAt,
      })
      .expect(200);

    let status = 'suspended';
    for (let i = 0; i < 40 && status === 'suspended'; i++) {
      await sleep(500);
      status = (await scheduling[i % 2].get(`/api/release/releases/${body.id}`))
        .body.status;
    }
    expect(status).toBe('registered');
    // Several more runs of the job on both replicas change nothing.
    await sleep(3000);
    const history = await scheduling[0]
      .get(`/api/release/releases/${body.id}/history`)
      .expect(200);
    expect(
      history.body.items.filter((h: any) => h.action === 'resume'),
    ).toHaveLength(1);
    // One task record shared by both replicas: the scheduler coordinates
    // through the database.
    const tasks = await pools[0]('backstage_backend_tasks__tasks')
      .where('id', 'like', '%release-auto-resume%')
      .select('id');
    expect(tasks).toHaveLength(1);
  });
});

if (postgresIds.length === 0) {
  // createTestDatabases has said so loudly, and fails in CI.
  it.todo(
    'runs only with PostgreSQL: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
  );
}
