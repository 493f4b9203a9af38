/*
 * Load test: the example backend on PostgreSQL, with LOAD_RELEASES releases
 * on the generated 10,000-entity catalog of the benchmark, driven over HTTP by a realistic mix at rising concurrency; the catalog's
 * own query endpoint on the same backend is measured alongside. Run with
 * `yarn bench:load` from the repository root.
 *
 *   LOAD_RELEASES     releases to seed (default 100000)
 *   LOAD_SECONDS      seconds per concurrency level (default 10)
 *   LOAD_CONCURRENCY  connection counts to step through (default 10,20,40,80)
 *   LOAD_POSTGRES_URL PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres)
 *   LOAD_REUSE=1      keep the databases an earlier run seeded with as many releases
 *   LOAD_PROFILE_DIR  write a CPU profile of the backend there (open it in Chrome's DevTools)
 *   LOAD_STATEMENTS=1 first count the SQL statements each kind of request costs, per database
 *
 * Exits non-zero when any request got a 5xx.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import knexFactory, { Knex } from 'knex';
import { OPEN_STATUSES } from '@internal/plugin-release-common';
import { benchTabRefs } from './catalog';
import {
  assertCardsHaveFigures,
  deliveryCardPath,
  deliveryCardRefs,
  lastTwelveMonths,
} from './deliveryCard';
import { seedLikeALargePortal } from './loadSeed';
import { dropDatabases, percentile } from './stats';
import { statementsFile, statementsPerRequest } from './statements';

const releases = Number(process.env.LOAD_RELEASES ?? 100_000);
const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const levels = (process.env.LOAD_CONCURRENCY ?? '10,20,40,80')
  .split(',')
  .map(Number);
const postgresUrl =
  process.env.LOAD_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const prefix = 'release_load_';
const baseUrl = 'http://localhost:7007';
const releaseDatabaseUrl = `${postgresUrl.replace(
  /\/[^/]*$/,
  '',
)}/${prefix}release`;
const repoRoot = path.resolve(__dirname, '../../..');
/** One page size for the release lists and the catalog's query, so their rates compare. */
const PAGE = 20;

export type Target = {
  name: string;
  /** Share of the mix. */
  weight: number;
  method?: 'GET' | 'POST' | 'PATCH';
  /** Path and body of the next request. */
  next: () => { path: string; body?: object };
};

type Measured = {
  name: string;
  connections: number;
  perSecond: number;
  latencies: number[];
  ok: number;
  clientErrors: number;
  serverErrors: number;
  failures: number;
  /** Bytes received per response, headers included. */
  bytesPerResponse: number;
  /** The first refusal seen, to tell expected 409s from mistakes. */
  sampleRefusal?: string;
};

/**
 * The example backend as production runs it: one plain Node process, without
 * the development server's file watcher and source-map support (which costs
 * on every stack trace). Its sources are compiled on load, as in `yarn start`.
 */
function startBackend(): ChildProcess {
  const profile = process.env.LOAD_PROFILE_DIR;
  return spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      ...(process.env.LOAD_STATEMENTS === '1'
        ? ['--require', path.join(__dirname, 'countStatements.cjs')]
        : []),
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
    ],
    {
      cwd: path.join(repoRoot, 'packages/backend'),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        APP_CONFIG_backend_database_client: 'pg',
        APP_CONFIG_backend_database_connection: postgresUrl,
        APP_CONFIG_backend_database_prefix: prefix,
        APP_CONFIG_release_exampleData: 'false',
        // The load generator signs in as the example guest.
        APP_CONFIG_auth_providers_guest_dangerouslyAllowOutsideDevelopment:
          'true',
        // Indexing 100,000 releases for the portal search is a background
        // job of its own; it is kept out of the measured minutes.
        APP_CONFIG_search_collators: JSON.stringify(
          Object.fromEntries(
            ['release', 'catalog'].map(type => [
              type,
              {
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 30 },
                  initialDelay: { hours: 1 },
                },
              },
            ]),
          ),
        ),
        // One log line per request would be measured too.
        LOG_LEVEL: 'warn',
        LOAD_STATEMENTS_FILE: statementsFile,
      },
    },
  );
}

async function waitForBackend() {
  for (let i = 0; i < 360; i++) {
    try {
      const response = await fetch(`${baseUrl}/api/release/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error('The backend did not start within 3 minutes');
}

/**
 * The guest's token, once the catalog has ingested the example organisation
 * and the token carries the guest's release-managers membership: before
 * that the policy would refuse most writes.
 */
async function guestToken(): Promise<string> {
  for (let i = 0; i < 240; i++) {
    const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    const body = (await response.json()) as any;
    const groups: string[] =
      body?.backstageIdentity?.identity?.ownershipEntityRefs ?? [];
    if (groups.includes('group:default/release-managers')) {
      return body.backstageIdentity.token;
    }
    await sleep(500);
  }
  throw new Error('The catalog did not make the guest a release manager');
}

/** Ids the write requests work through, one per request. */
async function workItems(knex: Knex) {
  const registered: Array<{ id: string; version: number }> = await knex(
    'releases',
  )
    .where({ status: 'registered' })
    .select('id', 'version')
    .limit(200_000);
  const activities = await knex('release_activities')
    .join('releases', 'releases.id', 'release_activities.release_id')
    // Each phase's activities change only while the release is in it.
    .where(qb =>
      qb
        .where(q =>
          q
            .where('release_activities.phase', 'planning')
            .whereIn('releases.status', ['registered', 'planning']),
        )
        .orWhere(q =>
          q
            .where('release_activities.phase', 'deployment')
            .whereIn('releases.status', ['authorized', 'deployment']),
        ),
    )
    .select(
      'release_activities.id',
      'release_activities.release_id',
      'release_activities.version',
    )
    .limit(200_000);
  const anyIds: string[] = (
    await knex('releases').select('id').limit(5000)
  ).map(row => row.id);
  return { registered, activities, anyIds };
}

function targets(
  work: Awaited<ReturnType<typeof workItems>>,
  entities: string[],
  delivery: { refs: string[]; range: { from: string; to: string } },
): Target[] {
  let n = 0;
  const pick = <T>(list: T[]) => list[n++ % list.length];
  const words = ['orders', 'billing', 'gateway', 'search', 'catalog'];
  return [
    {
      name: 'desktop page',
      weight: 0.25,
      next: () => ({
        path: `/api/release/releases?limit=${PAGE}&orderBy=plannedStart&priority=${
          1 + (n++ % 5)
        }`,
      }),
    },
    {
      name: 'closed search',
      weight: 0.15,
      next: () => ({
        path: `/api/release/search/closed?limit=${PAGE}&q=${pick(words)}`,
      }),
    },
    {
      name: 'entity tab',
      weight: 0.2,
      // The tab's two requests, in turn: open releases by window, the
      // latest finished ones by closing date.
      next: () => {
        const entity = `entityRef=${encodeURIComponent(
          pick(entities),
        )}&includeImpacted=true`;
        return {
          path:
            n % 2 === 0
              ? `/api/release/releases?${entity}&${OPEN_STATUSES.map(
                  status => `status=${status}`,
                ).join('&')}&orderBy=plannedStart&order=asc&limit=100`
              : `/api/release/releases?${entity}&status=closed&status=cancelled&orderBy=closedAt&order=desc&limit=10`,
        };
      },
    },
    {
      name: 'delivery card',
      weight: 0.1,
      // An entity page's overview: the card's twelve months per month.
      next: () => ({
        path: deliveryCardPath(pick(delivery.refs), delivery.range),
      }),
    },
    {
      name: 'release page',
      weight: 0.1,
      next: () => ({ path: `/api/release/releases/${pick(work.anyIds)}` }),
    },
    {
      name: 'register',
      weight: 0.08,
      method: 'POST',
      next: () => ({
        path: '/api/release/releases',
        body: { title: `Load ${n++}`, type: 'minor', impact: 'low' },
      }),
    },
    {
      name: 'activity update',
      weight: 0.06,
      method: 'PATCH',
      next: () => {
        const activity = pick(work.activities);
        return {
          path: `/api/release/releases/${activity.release_id}/activities/${activity.id}`,
          body: {
            expectedVersion: activity.version,
            notes: 'Checked under load',
          },
        };
      },
    },
    {
      name: 'transition',
      weight: 0.06,
      method: 'POST',
      next: () => {
        const release = pick(work.registered);
        return {
          path: `/api/release/releases/${release.id}/transitions`,
          body: { action: 'plan', expectedVersion: release.version },
        };
      },
    },
  ];
}

/** Drives one target with `connections` for `seconds`. */
function drive(
  target: Target,
  connections: number,
  token: string,
): Promise<Measured> {
  const latencies: number[] = [];
  let sampleRefusal: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        requests: [
          {
            method: target.method ?? 'GET',
            onResponse: (status, body) => {
              if (status >= 400 && !sampleRefusal) {
                sampleRefusal = `${status} ${refusalMessage(body)}`;
              }
            },
            setupRequest: request => {
              const { path: next, body } = target.next();
              return {
                ...request,
                path: next,
                body: body ? JSON.stringify(body) : undefined,
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          name: target.name,
          connections,
          perSecond: result.requests.total / seconds,
          latencies: latencies.sort((a, b) => a - b),
          ok: result['2xx'],
          clientErrors: result['4xx'],
          serverErrors: result['5xx'],
          failures: result.errors + result.timeouts,
          bytesPerResponse:
            result.requests.total > 0
              ? result.throughput.total / result.requests.total
              : 0,
          sampleRefusal,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

/** Drives every target of a mix at once, its connections shared by weight. */
async function driveMix(
  mix: Target[],
  level: number,
  token: string,
  name: string,
) {
  const results = await Promise.all(
    mix.map(target =>
      drive(target, Math.max(1, Math.round(level * target.weight)), token),
    ),
  );
  const total: Measured = {
    name: `**${name}**`,
    connections: results.reduce((s, r) => s + r.connections, 0),
    perSecond: results.reduce((s, r) => s + r.perSecond, 0),
    latencies: results.flatMap(r => r.latencies).sort((a, b) => a - b),
    ok: results.reduce((s, r) => s + r.ok, 0),
    clientErrors: results.reduce((s, r) => s + r.clientErrors, 0),
    serverErrors: results.reduce((s, r) => s + r.serverErrors, 0),
    failures: results.reduce((s, r) => s + r.failures, 0),
    bytesPerResponse:
      results.reduce((s, r) => s + r.bytesPerResponse * r.perSecond, 0) /
      Math.max(
        1,
        results.reduce((s, r) => s + r.perSecond, 0),
      ),
  };
  return { results, total };
}

/** One row: the card's p50 and p95 beside the desktop page's. */
function deliveryBesideDesktop(
  connections: number,
  ...mixes: Array<{ results: Measured[] }>
): string {
  const cells = mixes.flatMap(({ results }) => {
    const of = (name: string) => results.find(r => r.name === name)!.latencies;
    const [desktop, card] = [of('desktop page'), of('delivery card')];
    return [
      percentile(desktop, 50).toFixed(1),
      percentile(desktop, 95).toFixed(1),
      percentile(card, 50).toFixed(1),
      percentile(card, 95).toFixed(1),
      (percentile(card, 50) / percentile(desktop, 50)).toFixed(2),
    ];
  });
  return `| ${connections} | ${cells.join(' | ')} |`;
}

function refusalMessage(body: string): string {
  try {
    return JSON.parse(body).error.message;
  } catch {
    return body.slice(0, 160);
  }
}

function tableRow(m: Measured) {
  const ms = (v: number) => `${v.toFixed(1)}`;
  return `| ${m.name} | ${m.connections} | ${m.perSecond.toFixed(0)} | ${ms(
    percentile(m.latencies, 50),
  )} | ${ms(percentile(m.latencies, 95))} | ${ms(
    percentile(m.latencies, 99),
  )} | ${(m.bytesPerResponse / 1024).toFixed(1)} | ${m.ok} | ${
    m.clientErrors
  } | ${m.serverErrors} | ${m.failures} |`;
}

/** Whether an earlier run left as many releases as asked for. */
async function seededEarlier(): Promise<boolean> {
  const knex = knexFactory({ client: 'pg', connection: releaseDatabaseUrl });
  try {
    const [{ count }] = await knex('releases').count({ count: '*' });
    return Number(count) >= releases;
  } catch {
    return false;
  } finally {
    await knex.destroy();
  }
}

async function main() {
  const reuse = process.env.LOAD_REUSE === '1' && (await seededEarlier());
  if (!reuse) await dropDatabases(postgresUrl, prefix);
  const backend = startBackend();
  const exited = new Promise(resolve => backend.once('exit', resolve));
  const stop = () => {
    if (backend.pid) {
      try {
        // SIGINT lets the backend stop cleanly (and write its profile).
        process.kill(backend.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', stop);
  let serverErrors = 0;
  try {
    await waitForBackend();
    const knex = knexFactory({ client: 'pg', connection: releaseDatabaseUrl });
    const seedStarted = Date.now();
    const tabRefs = reuse
      ? benchTabRefs
      : await seedLikeALargePortal(knex, releases);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const work = await workItems(knex);
    const range = lastTwelveMonths();
    const cardRefs = await deliveryCardRefs(knex, range);
    await knex.destroy();
    const token = await guestToken();
    await assertCardsHaveFigures(cardRefs, range, baseUrl, token);
    const mix = targets(work, tabRefs, { refs: cardRefs, range });
    if (process.env.LOAD_STATEMENTS === '1') {
      console.log(await statementsPerRequest(backend, mix, baseUrl, token));
    }

    console.log(
      `\nLoad test: the example backend on PostgreSQL, ${releases.toLocaleString(
        'en-US',
      )} releases (${
        reuse
          ? 'seeded by an earlier run'
          : `seeded in ${seedSeconds.toFixed(0)} s`
      }), ${seconds} s per level\n`,
    );
    const header =
      '| endpoint | connections | req/s | p50 ms | p95 ms | p99 ms | kB/response | 2xx | 4xx | 5xx | errors |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';
    const summary: string[] = [];
    // The read-only mix is the four pages a user reads releases on (desktop,
    // closed search, entity tab, release page), compared with the catalog's
    // page; the Delivery card, a report over a year, is measured in the full
    // mix only.
    const reads = mix.filter(
      target => !target.method && target.name !== 'delivery card',
    );
    const readWeight = reads.reduce((sum, target) => sum + target.weight, 0);
    const ratios: string[] = [];
    const cards: string[] = [];
    for (const level of levels) {
      const full = await driveMix(mix, level, token, 'release mix');
      // The same reads alone, weighted as in the mix, at the same concurrency.
      const readOnly = await driveMix(
        reads.map(target => ({
          ...target,
          weight: target.weight / readWeight,
        })),
        level,
        token,
        'read-only release mix',
      );
      const catalog = await drive(
        {
          name: 'catalog by-query (comparison)',
          weight: 1,
          // Components only, like the releases' pages of small rows: an
          // unfiltered page may hold the example API entity with its whole
          // OpenAPI definition, a peer five times heavier.
          next: () => ({
            path: `/api/catalog/entities/by-query?limit=${PAGE}&filter=kind=component`,
          }),
        },
        full.total.connections,
        token,
      );
      serverErrors += full.total.serverErrors + readOnly.total.serverErrors;
      console.log(`Concurrency ${full.total.connections}:\n\n${header}`);
      for (const r of [...full.results, full.total, readOnly.total, catalog]) {
        console.log(tableRow(r));
      }
      for (const r of full.results.filter(m => m.sampleRefusal)) {
        console.log(`  ${r.name}, first refusal: ${r.sampleRefusal}`);
      }
      console.log('');
      const p50 = (name: string) =>
        percentile(full.results.find(r => r.name === name)!.latencies, 50);
      cards.push(deliveryBesideDesktop(full.total.connections, full));
      ratios.push(
        `| ${full.total.connections} | ${catalog.perSecond.toFixed(
          0,
        )} | ${readOnly.total.perSecond.toFixed(0)} | ${(
          readOnly.total.perSecond / catalog.perSecond
        ).toFixed(2)} | ${full.total.perSecond.toFixed(0)} | ${(
          full.total.perSecond / catalog.perSecond
        ).toFixed(2)} | ${p50('desktop page').toFixed(1)} | ${(
          p50('transition') / p50('desktop page')
        ).toFixed(2)} | ${(p50('register') / p50('desktop page')).toFixed(
          2,
        )} |`,
      );
      summary.push(
        `${full.total.connections} connections: ${full.total.perSecond.toFixed(
          0,
        )} req/s, p95 ${percentile(full.total.latencies, 95).toFixed(1)} ms, ${
          full.total.serverErrors
        } 5xx`,
      );
    }
    console.log(
      "Ratios in the same run (targets: read-only mix ≥ 1.0× the catalog, full mix ≥ 0.8×, a transition's and a registration's p50 ≤ 2× the desktop page's):\n",
    );
    console.log(
      '| connections | catalog req/s | read-only mix req/s | read-only ÷ catalog | full mix req/s | full ÷ catalog | desktop p50 ms | transition p50 ÷ desktop | register p50 ÷ desktop |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const line of ratios) console.log(line);
    console.log(
      "\nThe entity page's Delivery card (twelve months by month of a domain, two systems and three components) beside the desktop page, in the full mix:\n",
    );
    console.log(
      '| connections | desktop p50 ms | desktop p95 ms | card p50 ms | card p95 ms | card p50 ÷ desktop |\n| --- | --- | --- | --- | --- | --- |',
    );
    for (const line of cards) console.log(line);
    console.log('');
    console.log('Release mix by concurrency:');
    for (const line of summary) console.log(`  ${line}`);
    console.log(
      '\nTarget: at least 300 req/s at p95 < 100 ms with zero 5xx (80% reads: desktop, search, entity tab, delivery card, release page; 20% writes: registrations, activity updates, transitions).',
    );
  } finally {
    stop();
  }
  await Promise.race([exited, sleep(30_000)]);
  process.exit(serverErrors > 0 ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
