import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { applyDatabaseMigrations } from './migrations';
import { successesOnCis } from './successesOnCis';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const day = (n: number) => new Date(Date.UTC(2027, 0, n, 12));

async function release(
  knex: Knex,
  title: string,
  cis: string[],
  outcome: string,
  actualEnd: Date,
) {
  const id = randomUUID();
  await knex('releases').insert({
    id,
    number: (await knex('releases').count({ n: '*' }).first())!.n as number,
    title,
    type: 'minor',
    impact: 'low',
    urgency: 'low',
    priority: 5,
    risk: 'low',
    requester: 'user:default/guest',
    status: 'closed',
    outcome,
    actual_end: actualEnd,
    closed_at: actualEnd,
    created_by: 'user:default/guest',
    created_at: day(1),
    updated_at: actualEnd,
  });
  for (const ci of cis) {
    await knex('release_ci_relations').insert({
      id: randomUUID(),
      release_id: id,
      entity_ref: ci,
      role: 'updated',
      created_by: 'user:default/guest',
      created_at: day(1),
    });
  }
}

const titles = async (knex: Knex, refs: string[]) => {
  const rows = await successesOnCis(knex, refs, day(2), day(20), {
    kind: 'all',
  });
  const byId = new Map(
    (await knex('releases').select('id', 'title')).map(r => [r.id, r.title]),
  );
  return rows.map(row => `${row.entity_ref} ${byId.get(row.id)}`).sort();
};

describe.each(databases.eachSupportedId())(
  'successesOnCis on %p',
  databaseId => {
    it('finds the same successes whether the CIs or the successes are fewer', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations({ getClient: async () => knex }, knex);
      const db = 'resource:default/orders-db';
      const api = 'api:default/orders';
      await release(knex, 'in window on db', [db], 'successful', day(5));
      await release(
        knex,
        'in window on db and api',
        [db, api],
        'successful',
        day(6),
      );
      await release(knex, 'failed on db', [db], 'failed', day(7));
      await release(knex, 'before the window', [db], 'successful', day(1));
      await release(knex, 'after the window', [api], 'successful', day(25));
      await release(
        knex,
        'elsewhere',
        ['component:default/other'],
        'successful',
        day(8),
      );
      const expected = [
        `${api} in window on db and api`,
        `${db} in window on db`,
        `${db} in window on db and api`,
      ];
      // Fewer successes (3) than releases on the CIs: read from the successes.
      for (let n = 0; n < 4; n++) {
        await release(knex, `old ${n}`, [db], 'successful', day(1));
      }
      expect(await titles(knex, [db, api])).toEqual(expected);
      // More successes than releases on the CIs: read from the CIs.
      for (let n = 0; n < 12; n++) {
        await release(
          knex,
          `other ${n}`,
          [`component:default/c${n}`],
          'successful',
          day(9),
        );
      }
      expect(await titles(knex, [db, api])).toEqual(expected);
    });
  },
);
