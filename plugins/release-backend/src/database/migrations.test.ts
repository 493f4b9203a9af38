import { Knex } from 'knex';
import path from 'node:path';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { toIso } from './dates';
import {
  applyDatabaseMigrations,
  rollbackDatabaseMigrations,
} from './migrations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const tables = [
  'releases',
  'release_counters',
  'release_history',
  'release_portfolios',
  'release_models',
  'release_activities',
  'release_ci_relations',
  'release_external_relations',
  'release_media',
  'release_justifications',
  'release_notification_outbox',
];

async function migrate(knex: Knex) {
  await applyDatabaseMigrations({ getClient: async () => knex }, knex);
}

const directory = path.resolve(__dirname, '../../migrations');

/**
 * A release row with every column the first migration requires, `fields`
 * over them: only what each test is about is spelled out.
 */
async function insertRelease(knex: Knex, fields: Record<string, unknown>) {
  const now = new Date();
  await knex('releases').insert({
    type: 'minor',
    impact: 'low',
    urgency: 'low',
    priority: 5,
    risk: 'low',
    requester: 'user:default/guest',
    status: 'planning',
    created_by: 'user:default/guest',
    created_at: now,
    updated_at: now,
    ...fields,
  });
}

/**
 * An impact index row as the first impact migration defines it, the
 * entity's kind and title taken from its ref.
 */
function impactRowOf(
  releaseId: string,
  entityRef: string,
  at: { distance: number; via: string; path?: object[] },
) {
  return {
    release_id: releaseId,
    entity_ref: entityRef,
    distance: at.distance,
    via: at.via,
    path: JSON.stringify(at.path ?? []),
    kind: entityRef.split(':')[0],
    title: entityRef.split('/')[1],
    tags: '[]',
  };
}

/** Back to before the migration `version`, and whatever came after it. */
async function downToBefore(knex: Knex, version: string) {
  while ((await knex.migrate.currentVersion({ directory })) >= version) {
    await knex.migrate.down({ directory });
  }
}

describe.each(databases.eachSupportedId())('migrations on %p', databaseId => {
  it('creates the release tables with a numbering counter at zero', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);

    for (const table of tables) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    expect(await knex('release_counters').select('name', 'value')).toEqual([
      { name: 'release_number', value: 0 },
    ]);
    expect(await knex('release_justifications').pluck('name')).toContain(
      'Change freeze',
    );
  });

  it('keeps rows across a re-run and removes every table on rollback', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    const now = new Date();
    await insertRelease(knex, {
      id: '6f1c1d1e-0000-4000-8000-000000000001',
      number: 1,
      title: 'Payments 2.4',
      impact: 'medium',
      priority: 4,
      status: 'registered',
      created_at: now,
      updated_at: now,
    });
    await knex('release_activities').insert({
      id: '6f1c1d1e-0000-4000-8000-000000000002',
      release_id: '6f1c1d1e-0000-4000-8000-000000000001',
      phase: 'planning',
      position: 0,
      title: 'Rollback plan',
      created_at: now,
      updated_at: now,
    });
    await knex('release_history').insert({
      release_id: '6f1c1d1e-0000-4000-8000-000000000001',
      at: now,
      actor: 'user:default/guest',
      kind: 'created',
    });
    await migrate(knex);
    expect(await knex('releases').pluck('title')).toEqual(['Payments 2.4']);
    expect(await knex('release_activities').pluck('title')).toEqual([
      'Rollback plan',
    ]);

    await rollbackDatabaseMigrations(knex);
    for (const table of tables) {
      expect(await knex.schema.hasTable(table)).toBe(false);
    }
  });

  it("gives the impact index each release's state and a row for every CI", async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    // Back to before the impact index carried release state.
    await downToBefore(knex, '20261202090000');
    expect(
      await knex.schema.hasColumn('release_impact', 'release_status'),
    ).toBe(false);
    const releaseId = '6f1c1d1e-0000-4000-8000-000000000011';
    const now = new Date();
    const plannedStart = new Date('2027-03-01T10:00:00.000Z');
    await insertRelease(knex, {
      id: releaseId,
      number: 7,
      title: 'Orders 3.0',
      type: 'major',
      impact: 'medium',
      urgency: 'medium',
      priority: 3,
      planned_start: plannedStart,
      planned_end: new Date('2027-03-01T12:00:00.000Z'),
      created_at: now,
      updated_at: now,
    });
    await knex('release_ci_relations').insert(
      ['resource:default/orders-db', 'component:default/gone-service'].map(
        (entityRef, i) => ({
          id: `6f1c1d1e-0000-4000-8000-00000000002${i}`,
          release_id: releaseId,
          entity_ref: entityRef,
          role: 'updated',
          created_by: 'user:default/guest',
          created_at: now,
        }),
      ),
    );
    // The walk found orders-db and what depends on it, not gone-service.
    await knex('release_impact').insert(
      (
        [
          ['resource:default/orders-db', 0],
          ['component:default/orders-service', 1],
        ] as const
      ).map(([entityRef, distance]) =>
        impactRowOf(releaseId, entityRef, {
          distance,
          via: 'resource:default/orders-db',
        }),
      ),
    );

    await migrate(knex);

    const rows = await knex('release_impact')
      .where({ release_id: releaseId })
      .orderBy('entity_ref');
    expect(
      rows.map(row => ({
        entityRef: row.entity_ref,
        distance: Number(row.distance),
        kind: row.kind,
        title: row.title,
        status: row.release_status,
        number: Number(row.release_number),
        plannedStart: new Date(row.release_planned_start).toISOString(),
        closedAt: row.release_closed_at,
      })),
    ).toEqual([
      {
        entityRef: 'component:default/gone-service',
        distance: 0,
        kind: 'component',
        title: 'gone-service',
        status: 'planning',
        number: 7,
        plannedStart: plannedStart.toISOString(),
        closedAt: null,
      },
      expect.objectContaining({
        entityRef: 'component:default/orders-service',
        distance: 1,
        status: 'planning',
        number: 7,
      }),
      expect.objectContaining({
        entityRef: 'resource:default/orders-db',
        distance: 0,
        status: 'planning',
      }),
    ]);
  });

  it('marks the impact rows a CI reaches through partOf alone, and drops the mark on the way down', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    const downToBeforePartOf = () => downToBefore(knex, '20261204093000');
    await downToBeforePartOf();
    const releaseId = '6f1c1d1e-0000-4000-8000-000000000031';
    await insertRelease(knex, {
      id: releaseId,
      number: 8,
      title: 'Orders 3.1',
    });
    const step = (from: string, relation: string, to: string) => ({
      from,
      relation,
      to,
    });
    const db = 'resource:default/orders-db';
    const service = 'component:default/orders-service';
    const paths: Record<string, object[]> = {
      [db]: [],
      'system:default/orders': [step(db, 'partOf', 'system:default/orders')],
      'domain:default/commerce': [
        step(db, 'partOf', 'system:default/orders'),
        step('system:default/orders', 'partOf', 'domain:default/commerce'),
      ],
      [service]: [step(db, 'dependencyOf', service)],
      'system:default/storefront': [
        step(db, 'dependencyOf', service),
        step(service, 'partOf', 'system:default/storefront'),
      ],
    };
    await knex('release_impact').insert(
      Object.entries(paths).map(([entityRef, steps]) =>
        impactRowOf(releaseId, entityRef, {
          distance: steps.length,
          via: db,
          path: steps,
        }),
      ),
    );

    await migrate(knex);

    const marked = await knex('release_impact')
      .where({ release_id: releaseId })
      .whereNot('part_of', false)
      .orderBy('entity_ref')
      .pluck('entity_ref');
    expect(marked).toEqual([
      'domain:default/commerce',
      db,
      'system:default/orders',
    ]);
    await downToBeforePartOf();
    expect(await knex.schema.hasColumn('release_impact', 'part_of')).toBe(
      false,
    );
    expect(
      await knex('release_impact')
        .where({ release_id: releaseId })
        .pluck('entity_ref'),
    ).toHaveLength(5);
  });

  it('keys the seeded reasons an administrator left as they were, and gives their English back on the way down', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    const downToBeforeKeys = () => downToBefore(knex, '20261202110000');
    await downToBeforeKeys();
    await knex('release_justifications')
      .where({ name: 'Change freeze' })
      .update({ description: 'Our year-end freeze.' });
    await knex('release_justifications')
      .where({ name: 'Closed by mistake' })
      .update({ active: false, updated_at: new Date() });
    await migrate(knex);

    const keys = Object.fromEntries(
      (await knex('release_justifications').select('name', 'default_key')).map(
        row => [row.name, row.default_key],
      ),
    );
    expect(keys).toMatchObject({
      'Change freeze': null,
      'Closed by mistake': 'closed-by-mistake',
      'Awaiting a vendor fix': 'awaiting-vendor-fix',
    });
    expect(Object.values(keys).filter(Boolean)).toHaveLength(7);

    await knex('release_justifications')
      .where({ default_key: 'closed-by-mistake' })
      .update({ name: 'Fechada por engano' });
    await downToBeforeKeys();
    expect(
      await knex.schema.hasColumn('release_justifications', 'default_key'),
    ).toBe(false);
    expect(await knex('release_justifications').pluck('name')).toContain(
      'Closed by mistake',
    );
  });

  it('copies when each closed release succeeded into its impact rows, and forgets it on the way down', async () => {
    const knex = await databases.init(databaseId);
    await migrate(knex);
    const downToBeforeSuccessEnd = () => downToBefore(knex, '20261206090000');
    await downToBeforeSuccessEnd();
    const now = new Date('2026-11-20T10:00:00Z');
    const end = new Date('2026-11-19T16:00:00Z');
    const releases = [
      { title: 'Succeeded', status: 'closed', outcome: 'successful' },
      { title: 'Failed', status: 'closed', outcome: 'failed' },
      { title: 'Executed', status: 'executed', outcome: null },
    ];
    for (const [i, release] of releases.entries()) {
      const id = `6f1c1d1e-0000-4000-8000-00000000004${i}`;
      await insertRelease(knex, {
        id,
        number: 20 + i,
        actual_end: end,
        closed_at: release.status === 'closed' ? now : null,
        created_at: now,
        updated_at: now,
        ...release,
      });
      await knex('release_impact').insert(
        ['resource:default/orders-db', 'system:default/orders'].map(
          (entityRef, distance) =>
            impactRowOf(id, entityRef, {
              distance,
              via: 'resource:default/orders-db',
            }),
        ),
      );
    }

    await migrate(knex);

    const succeeded = await knex('release_impact')
      .join('releases', 'releases.id', 'release_impact.release_id')
      .whereNotNull('release_impact.release_succeeded_at')
      .orderBy('release_impact.distance')
      .select('releases.title', 'release_impact.release_succeeded_at as at');
    expect(succeeded.map(row => [row.title, toIso(row.at)])).toEqual([
      ['Succeeded', end.toISOString()],
      ['Succeeded', end.toISOString()],
    ]);
    await downToBeforeSuccessEnd();
    expect(
      await knex.schema.hasColumn('release_impact', 'release_succeeded_at'),
    ).toBe(false);
    expect(Number((await knex('release_impact').count({ n: '*' }))[0].n)).toBe(
      6,
    );
  });

  it('keeps statistics of the impact scope on PostgreSQL, and drops them on the way down', async () => {
    const knex = await databases.init(databaseId);
    if (knex.client.config.client !== 'pg') return; // SQLite has none
    await migrate(knex);
    const statistics = async () =>
      (
        await knex.raw(
          `select stxname from pg_statistic_ext where stxname = 'release_impact_scope_stats'`,
        )
      ).rows.length;
    expect(await statistics()).toBe(1);
    await downToBefore(knex, '20261205090000');
    expect(await statistics()).toBe(0);
  });
});
