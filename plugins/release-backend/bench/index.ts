/*
 * Seeds realistic volumes on SQLite and PostgreSQL and prints how fast the
 * desktop, the closed-release search, the portfolio summary, transitions,
 * impact analysis over a 10,000-entity catalog, the entity tab, the
 * conflict check and the delivery figures are. Run with `yarn workspace @internal/plugin-release-backend bench`.
 *
 *   BENCH_RELEASES      releases to seed (default 100000)
 *   BENCH_POSTGRES_URL  PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres);
 *                       set to "skip" to measure SQLite only
 *   BENCH_SQLITE        set to "skip" to measure PostgreSQL only
 *   BENCH_KEEP_DIR      keep the SQLite file in this directory and the PostgreSQL
 *                       database after the run; a later run with the same value
 *                       measures them again without seeding
 *   BENCH_PG_DATABASE   the PostgreSQL database to seed (default release_bench), so
 *                       runs with their own kept databases do not drop each other's
 *   BENCH_ONLY          set to "figures" to time only the delivery figures (and the
 *                       desktop page beside them), e.g. on a kept database
 *
 * PostgreSQL is vacuumed and analysed after seeding, as autovacuum would
 * have done in a portal that recorded the releases over years.
 */
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseReleaseStore } from '../src/database/DatabaseReleaseStore';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { ReleaseEventPublisher } from '../src/events/ReleaseEventPublisher';
import { createReleaseServices, ReleaseAuthorizer } from '../src/service';
import { ReleaseChangePublisher } from '../src/changes/ReleaseChangePublisher';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_IMPACT_RELATIONS } from '@internal/plugin-release-common';
import { DEFAULT_METRICS_SETTINGS } from '../src/metrics/metricsSettings';
import { RiskAssessor } from '../src/risk/RiskAssessor';
import { DEFAULT_RISK_SETTINGS } from '../src/risk/riskSettings';
import { partOfOnly } from '../src/database/MetricsQueries';
import {
  BenchCatalog,
  busyDomainRef,
  generateCatalog,
  releaseCisByDomain,
} from './catalog';
import { benchApproverGroup, seedAwaitingApproval } from './approvalSeed';
import { impactOfEachCi } from './impactSeed';
import { seed, SeedCatalog } from './seed';
import { percentile } from './stats';

const releaseCount = Number(process.env.BENCH_RELEASES ?? 100_000);
const postgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const keepDir = process.env.BENCH_KEEP_DIR;
const postgresDatabase = process.env.BENCH_PG_DATABASE ?? 'release_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(postgresDatabase)) {
  throw new Error(
    `BENCH_PG_DATABASE must be a plain name, not ${postgresDatabase}`,
  );
}
const figuresOnly = process.env.BENCH_ONLY === 'figures';

const credentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/bench' },
} as any;

// The allow-all policy of a default portal, answered in-process.
const allowAll = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
} as any;
const registry = { getPermissionRuleset: () => ({}) } as any;
const quietAuditor = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
} as any;

const notTimed = { p50: NaN, p95: NaN, peer: { p50: NaN, p95: NaN } };

async function timeEach(runs: number, work: (i: number) => Promise<unknown>) {
  await work(0); // warm up caches and query plans
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const started = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * `work` and a peer request timed alternately, so a busy machine slows both
 * alike and their ratio stays comparable between runs.
 */
async function timeWithPeer(
  runs: number,
  work: (i: number) => Promise<unknown>,
  peer: (i: number) => Promise<unknown>,
) {
  await peer(0);
  const own: number[] = [];
  const peers: number[] = [];
  const time = async (list: number[], run: () => Promise<unknown>) => {
    const started = process.hrtime.bigint();
    await run();
    list.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  await work(0);
  for (let i = 1; i <= runs; i++) {
    await time(peers, () => peer(i));
    await time(own, () => work(i));
  }
  own.sort((a, b) => a - b);
  peers.sort((a, b) => a - b);
  return {
    p50: percentile(own, 50),
    p95: percentile(own, 95),
    peer: { p50: percentile(peers, 50), p95: percentile(peers, 95) },
  };
}

/**
 * How many releases reach `domainRef` through `partOf`, as the figures'
 * scope reads the impact index; fails unless it is the number whose CI the
 * catalog places in the domain, so the index is the one the app records.
 */
async function releasesInDomain(
  knex: Knex,
  domainRef: string,
  inside: Set<string>,
): Promise<{ partOf: number; anyRelation: number }> {
  const count = async (qb: Knex.QueryBuilder) =>
    Number((await qb.countDistinct({ n: 'release_id' }).first())?.n ?? 0);
  const indexed = knex('release_impact as scope').where(
    'scope.entity_ref',
    domainRef,
  );
  partOfOnly(indexed, 'scope');
  const partOf = await count(indexed);
  const byCatalog = await count(
    knex('release_ci_relations').whereIn('entity_ref', [...inside]),
  );
  if (partOf !== byCatalog) {
    throw new Error(
      `${partOf} releases reach ${domainRef} in the index, ${byCatalog} by the catalog`,
    );
  }
  const anyRelation = await count(
    knex('release_impact').where('entity_ref', domainRef),
  );
  return { partOf, anyRelation };
}

/**
 * Seeds an empty database, or reads back what a kept one was seeded with
 * (less the releases earlier runs planned).
 */
async function seedOrReuse(knex: Knex, seedCatalog: SeedCatalog) {
  const seeded = Number(
    (await knex('releases').count({ n: '*' }).first())?.n ?? 0,
  );
  if (seeded === 0) return seed(knex, releaseCount, seedCatalog);
  if (seeded !== releaseCount) {
    throw new Error(
      `The kept database has ${seeded} releases, not ${releaseCount}`,
    );
  }
  return {
    portfolioIds: await knex('release_portfolios').orderBy('name').pluck('id'),
    registeredIds: await knex('releases')
      .where('status', 'registered')
      .orderBy('number')
      .pluck('id'),
  };
}

async function openDatabases(): Promise<Array<[string, Knex]>> {
  if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
  const dir =
    keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'release-bench-'));
  const databases: Array<[string, Knex]> = [];
  if (process.env.BENCH_SQLITE !== 'skip') {
    databases.push([
      'SQLite',
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(dir, 'release.sqlite') },
        useNullAsDefault: true,
      }),
    ]);
  }
  if (postgresUrl !== 'skip') {
    const admin = knexFactory({ client: 'pg', connection: postgresUrl });
    const { rows } = await admin.raw(
      `select 1 from pg_database where datname = ?`,
      [postgresDatabase],
    );
    if (!keepDir || rows.length === 0) {
      await admin.raw(`drop database if exists ${postgresDatabase}`);
      await admin.raw(`create database ${postgresDatabase}`);
    }
    await admin.destroy();
    const url = new URL(postgresUrl);
    url.pathname = `/${postgresDatabase}`;
    databases.push([
      'PostgreSQL',
      knexFactory({ client: 'pg', connection: url.toString() }),
    ]);
  }
  return databases;
}

async function measure(
  name: string,
  knex: Knex,
  catalog: BenchCatalog,
  seedCatalog: SeedCatalog,
  domainCis: Set<string>,
) {
  await applyDatabaseMigrations({ getClient: async () => knex }, knex);
  const seedStarted = Date.now();
  const { portfolioIds, registeredIds } = await seedOrReuse(knex, seedCatalog);
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  // A portal's tables have long been vacuumed by the time a year of
  // releases is read: pages marked all-visible let indexes answer alone.
  if (knex.client.config.client === 'pg') await knex.raw('vacuum analyze');

  const store = DatabaseReleaseStore.fromClient(knex);
  const risk = new RiskAssessor({
    store,
    sources: {
      settings: DEFAULT_RISK_SETTINGS,
      blackoutWindows: [],
      metrics: DEFAULT_METRICS_SETTINGS,
    },
    now: () => new Date(),
  });
  const services = createReleaseServices({
    store,
    authorizer: new ReleaseAuthorizer(allowAll, registry),
    catalog: catalogServiceMock({ entities: catalog.entities }),
    logger: console as any,
    now: () => new Date(),
    impact: { depth: 3, relations: DEFAULT_IMPACT_RELATIONS },
    blackoutWindows: [],
    risk,
    serviceCredentials: async () => credentials,
    // The bench user is in one of the groups the seeded rounds ask.
    userInfo: {
      getUserInfo: async () => ({
        userEntityRef: 'user:default/bench',
        ownershipEntityRefs: ['user:default/bench', benchApproverGroup],
      }),
    },
    changes: new ReleaseChangePublisher({
      store,
      risk,
      auditor: quietAuditor,
      events: new ReleaseEventPublisher(undefined, console as any),
    }),
  });
  const types = ['major', 'minor', 'emergency'];
  const words = ['orders', 'billing', 'gateway', 'fraud', 'search', 'catalog'];

  const desktopPage = (i: number) =>
    services.releases.list(
      {
        type: types[i % 3],
        priority: String(1 + (i % 5)),
        orderBy: 'plannedStart',
        limit: '50',
      },
      credentials,
    );
  // Delivery figures over the last twelve months (the default period),
  // each beside the desktop page as a peer; the worst case of a domain is
  // one that half of all releases reach.
  const timeFigures = async () => {
    const portfolioFigures = await timeWithPeer(
      40,
      i =>
        services.metrics.metrics(
          { portfolioId: portfolioIds[i % portfolioIds.length] },
          credentials,
        ),
      desktopPage,
    );
    const domainFigures = await timeWithPeer(
      40,
      () => services.metrics.metrics({ entityRef: busyDomainRef }, credentials),
      desktopPage,
    );
    const figuresOf = async (query: object) =>
      (await services.metrics.metrics(query, credentials)).summary;
    return {
      portfolioFigures,
      domainFigures,
      portfolioSample: await figuresOf({ portfolioId: portfolioIds[0] }),
      domainSample: await figuresOf({ entityRef: busyDomainRef }),
    };
  };
  const desktop = await timeEach(100, desktopPage);
  if (figuresOnly) {
    const figures = await timeFigures();
    return {
      name,
      seedSeconds,
      desktop,
      search: notTimed,
      summary: notTimed,
      perSecond: NaN,
      impact: notTimed,
      entityTab: notTimed,
      conflicts: notTimed,
      checksWithConflicts: NaN,
      indexRows: NaN,
      domainTab: notTimed,
      domainReach: { partOf: NaN, anyRelation: NaN },
      ...figures,
      awaitingMine: NaN,
      awaitingFilter: notTimed,
    };
  }
  const search = await timeEach(100, i =>
    services.search.searchClosed(
      { q: words[i % words.length], limit: '50' },
      credentials,
    ),
  );
  const summary = await timeEach(20, i =>
    services.portfolios.summary(
      portfolioIds[i % portfolioIds.length],
      {},
      credentials,
    ),
  );

  const impact = await timeEach(50, i =>
    services.impact.analyse(registeredIds[i], {}, credentials),
  );
  const entityTab = await timeEach(60, i =>
    services.releases.list(
      {
        entityRef: catalog.tabRefs[i % catalog.tabRefs.length],
        includeImpacted: 'true',
        orderBy: 'plannedStart',
        limit: '20',
      },
      credentials,
    ),
  );
  // The worst case: a domain that half of all releases reach.
  const domainRef = busyDomainRef;
  const domainTab = await timeEach(10, () =>
    services.releases.list(
      {
        entityRef: domainRef,
        includeImpacted: 'true',
        orderBy: 'plannedStart',
        limit: '20',
      },
      credentials,
    ),
  );
  const domainReach = await releasesInDomain(knex, domainRef, domainCis);
  const figures = await timeFigures();
  let checksWithConflicts = 0;
  const conflicts = await timeEach(100, async i => {
    const found = await services.impact.conflicts(
      registeredIds[i],
      credentials,
    );
    if (i > 0 && found.conflicts.length > 0) checksWithConflicts += 1;
  });
  const indexRows = Number(
    (await knex('release_impact').count({ n: '*' }).first())?.n ?? 0,
  );

  const sample = registeredIds.slice(0, 300);
  const started = Date.now();
  for (const id of sample) {
    await services.transitions.transition(
      id,
      { action: 'plan', expectedVersion: 2 },
      credentials,
    );
  }
  const perSecond = sample.length / ((Date.now() - started) / 1000);

  // The desktop's "awaiting my approval" filter, beside the plain page.
  const awaitingMine = await seedAwaitingApproval(knex);
  if (knex.client.config.client === 'pg') await knex.raw('analyze');
  const awaitingFilter = await timeWithPeer(
    100,
    () =>
      services.releases.list(
        { awaitingApprovalBy: 'me', orderBy: 'plannedStart', limit: '50' },
        credentials,
      ),
    desktopPage,
  );

  return {
    name,
    seedSeconds,
    desktop,
    search,
    summary,
    perSecond,
    impact,
    entityTab,
    conflicts,
    checksWithConflicts,
    indexRows,
    domainTab,
    domainReach,
    ...figures,
    awaitingMine,
    awaitingFilter,
  };
}

async function main() {
  const catalog = await generateCatalog();
  const { inside, ciOf } = releaseCisByDomain(catalog, busyDomainRef);
  const seedCatalog = {
    ...(await impactOfEachCi(catalog.entities, catalog.ciRefs)),
    ciOf,
  };
  const rows = [];
  for (const [name, knex] of await openDatabases()) {
    try {
      rows.push(await measure(name, knex, catalog, seedCatalog, inside));
    } finally {
      await knex.destroy();
    }
  }
  const ms = (value: number) =>
    Number.isNaN(value) ? 'not timed' : `${value.toFixed(1)} ms`;
  console.log(
    `\nRelease benchmark: ${releaseCount.toLocaleString('en-US')} releases ` +
      `(3 activities, 1 CI and 3 history entries each), ${
        os.cpus().length
      } CPUs\n`,
  );
  if (!figuresOnly) {
    console.log(
      '| database | seed | desktop page p50 / p95 | closed search p50 / p95 | portfolio summary p50 / p95 | transitions/s |',
    );
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.seedSeconds.toFixed(0)} s | ${ms(
          r.desktop.p50,
        )} / ${ms(r.desktop.p95)} | ` +
          `${ms(r.search.p50)} / ${ms(r.search.p95)} | ${ms(
            r.summary.p50,
          )} / ${ms(r.summary.p95)} | ` +
          `${r.perSecond.toFixed(0)} |`,
      );
    }
    console.log(
      `\nCMDB: ${catalog.entities.length.toLocaleString(
        'en-US',
      )} catalog entities, impact depth 3\n`,
    );
    console.log(
      '| database | impact index rows | impact of a release p50 / p95 | entity tab p50 / p95 | conflict check p50 / p95 | checks finding a conflict |',
    );
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.indexRows.toLocaleString('en-US')} | ${ms(
          r.impact.p50,
        )} / ${ms(r.impact.p95)} | ${ms(r.entityTab.p50)} / ${ms(
          r.entityTab.p95,
        )} | ${ms(r.conflicts.p50)} / ${ms(r.conflicts.p95)} | ${
          r.checksWithConflicts
        } of 100 |`,
      );
    }
    for (const r of rows) {
      console.log(
        `\n${
          r.name
        }: ${busyDomainRef} is reached by ${r.domainReach.partOf.toLocaleString(
          'en-US',
        )} of ${releaseCount.toLocaleString(
          'en-US',
        )} releases through partOf (${r.domainReach.anyRelation.toLocaleString(
          'en-US',
        )} through any relation); its tab: p50 ${ms(
          r.domainTab.p50,
        )} / p95 ${ms(r.domainTab.p95)}`,
      );
    }
  }
  console.log(
    '\nDelivery figures over the last twelve months (GET /metrics):\n',
  );
  console.log(
    '| database | portfolio p50 / p95 | its executed / closed / failure rate / recovery median | domain p50 / p95 | its executed / closed / failure rate |',
  );
  console.log('| --- | --- | --- | --- | --- |');
  const rate = (value: number | null) =>
    value === null ? '–' : `${(value * 100).toFixed(1)} %`;
  for (const r of rows) {
    const p = r.portfolioSample;
    const d = r.domainSample;
    console.log(
      `| ${r.name} | ${ms(r.portfolioFigures.p50)} / ${ms(
        r.portfolioFigures.p95,
      )} | ${p.executed} / ${p.closed} / ${rate(p.changeFailureRate)} / ${
        p.recoveryHours.median ?? '–'
      } h | ${ms(r.domainFigures.p50)} / ${ms(r.domainFigures.p95)} | ${
        d.executed
      } / ${d.closed} / ${rate(d.changeFailureRate)} |`,
    );
  }
  console.log(
    '\nThe same figures beside the desktop page (GET /releases), timed alternately; ratio = figures p95 ÷ desktop p95:\n',
  );
  console.log('| scope | database | p50 | p95 | desktop p50 / p95 | ratio |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    for (const [scope, t] of [
      ['portfolio', r.portfolioFigures],
      ['domain', r.domainFigures],
    ] as const) {
      console.log(
        `| ${scope} | ${r.name} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(
          t.peer.p50,
        )} / ${ms(t.peer.p95)} | ${(t.p95 / t.peer.p95).toFixed(1)} |`,
      );
    }
  }
  if (!figuresOnly) {
    console.log(
      '\n"Awaiting my approval" (GET /releases?awaitingApprovalBy=me) beside the desktop page, timed alternately:\n',
    );
    console.log(
      '| database | awaiting the user | p50 | p95 | desktop p50 / p95 | ratio |',
    );
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      const t = r.awaitingFilter;
      console.log(
        `| ${r.name} | ${r.awaitingMine} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(
          t.peer.p50,
        )} / ${ms(t.peer.p95)} | ${(t.p95 / t.peer.p95).toFixed(1)} |`,
      );
    }
  }
  console.log(
    '\nTargets: desktop page p95 < 50 ms, "awaiting my approval" p95 < 50 ms, closed search p95 < 100 ms, ' +
      'entity tab p95 < 100 ms, impact p95 < 300 ms, ' +
      'portfolio figures p95 < 150 ms, domain figures p95 < 300 ms.',
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
