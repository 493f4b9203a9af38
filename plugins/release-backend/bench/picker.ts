/*
 * Entity picker benchmark: a user typing into the release dialogs' catalog
 * picker, against the real catalog backend holding the generated
 * 10,005-entity catalog on PostgreSQL. Each keystroke sends the query the
 * picker builds (imported from the picker itself), one after the other as
 * a slow typist would; the catalog's own plain page of 20 is sent after
 * each for comparison, and the old picker's load of every CI at the end.
 * Run with `yarn workspace @internal/plugin-release-backend bench:picker`.
 *
 *   PICKER_KEYSTROKES   keystroke queries to send (default 200)
 *   PICKER_PORT         port of the catalog backend (default 7217)
 *   PICKER_POSTGRES_URL PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres)
 *   PICKER_REUSE=1      keep the catalog an earlier run ingested
 */
import { CatalogClient } from '@backstage/catalog-client';
import knexFactory from 'knex';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
// The benchmark sends exactly what the picker sends: its query builder and
// the kinds the release dialogs offer are frontend files without React.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  ENTITY_PICKER_DEBOUNCE_MS,
  entityPickerQuery,
} from '../../release/src/components/EntityPicker/entityPickerQuery';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { CI_KINDS_FOR_PICKER } from '../../release/src/components/RegisterReleaseDialog/ciKinds';
import { dropDatabases, percentileOf } from './stats';

const keystrokes = Number(process.env.PICKER_KEYSTROKES ?? 200);
const port = Number(process.env.PICKER_PORT ?? 7217);
const postgresUrl =
  process.env.PICKER_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const reuse = process.env.PICKER_REUSE === '1';
const prefix = 'release_picker_';
const catalogSize = 10_005;
const token = randomBytes(24).toString('base64url');

/** Names a user looks for in the generated catalog, typed letter by letter. */
const typedNames = [
  'layer2-1234',
  'api-2017',
  'resource-321',
  'system-42',
  'layer0-77',
  'domain-4',
  'layer3-1999',
  'api-7',
  'resource-99',
  'layer1-500',
  'system-7',
  'layer2-64',
];

type Sample = { ms: number; json: number; wire: number; term?: string };

/** What the last request transferred: decoded JSON and gzip on the wire. */
let lastTransfer = { json: 0, wire: 0 };

/**
 * A fetch that asks for gzip as browsers do and counts the bytes both as
 * sent and as decoded; the catalog client reads the decoded body.
 */
function measuringFetch(
  input: RequestInfo | URL,
  init?: RequestInit,
): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: init?.method ?? 'GET',
        headers: { ...headers, 'accept-encoding': 'gzip' },
      },
      response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body =
            response.headers['content-encoding'] === 'gzip'
              ? gunzipSync(raw)
              : raw;
          lastTransfer = { json: body.length, wire: raw.length };
          resolve(
            new Response(body, {
              status: response.statusCode,
              headers: {
                'content-type':
                  response.headers['content-type'] ?? 'application/json',
              },
            }),
          );
        });
      },
    );
    request.on('error', reject);
    if (typeof init?.body === 'string') request.write(init.body);
    request.end();
  });
}

const catalog = new CatalogClient({
  discoveryApi: {
    getBaseUrl: async () => `http://localhost:${port}/api/catalog`,
  },
  fetchApi: { fetch: measuringFetch },
});

async function timed(call: () => Promise<unknown>): Promise<Sample> {
  const started = performance.now();
  await call();
  return { ms: performance.now() - started, ...lastTransfer };
}

function startCatalog() {
  return spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      path.join(__dirname, 'pickerBackend.ts'),
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PICKER_PORT: String(port),
        PICKER_POSTGRES_URL: postgresUrl,
        PICKER_TOKEN: token,
        LOG_LEVEL: 'warn',
      },
    },
  );
}

/** Waits until the catalog serves every generated entity. */
async function waitForIngestion() {
  const started = Date.now();
  let lastReport = started;
  for (;;) {
    try {
      const { totalItems } = await catalog.queryEntities(
        { filter: { kind: CI_KINDS_FOR_PICKER }, limit: 0 },
        { token },
      );
      if (totalItems >= catalogSize) return (Date.now() - started) / 1000;
      if (Date.now() - lastReport > 30_000) {
        console.log(
          `  ${totalItems} of ${catalogSize} entities in the catalog`,
        );
        lastReport = Date.now();
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30 * 60_000) {
      throw new Error('The catalog did not ingest the generated entities');
    }
    await sleep(1000);
  }
}

/**
 * Lets stitching finish, then gives the catalog's tables the statistics and
 * visibility map autovacuum keeps in a running portal: straight after
 * ingestion PostgreSQL plans the search for a handful of rows and reads all
 * 10,005 entities per keystroke.
 */
async function settle() {
  await sleep(30_000);
  const knex = knexFactory({
    client: 'pg',
    connection: `${postgresUrl.replace(/\/[^/]*$/, '')}/${prefix}catalog`,
  });
  await knex.raw('vacuum analyze');
  await knex.destroy();
}

function row(name: string, samples: Sample[]) {
  const ms = (p: number) =>
    percentileOf(
      samples.map(s => s.ms),
      p,
    ).toFixed(1);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const mean = (pick: (s: Sample) => number) =>
    samples.reduce((sum, s) => sum + pick(s), 0) / samples.length;
  return `| ${name} | ${samples.length} | ${ms(50)} | ${ms(95)} | ${kb(
    mean(s => s.json),
  )} | ${kb(mean(s => s.wire))} |`;
}

async function main() {
  if (!reuse) await dropDatabases(postgresUrl, prefix);
  const backend = startCatalog();
  const exited = new Promise(resolve => backend.once('exit', resolve));
  const stop = () => {
    if (backend.pid) {
      try {
        process.kill(backend.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', stop);
  try {
    console.log('Waiting for the catalog to ingest the generated entities…');
    const ingestSeconds = await waitForIngestion();
    await settle();

    const picker = (term: string) =>
      timed(() =>
        catalog.queryEntities(entityPickerQuery(term, CI_KINDS_FOR_PICKER), {
          token,
        }),
      );
    const peer = () =>
      timed(() => catalog.queryEntities({ limit: 20 }, { token }));
    const everyCi = () =>
      timed(() =>
        catalog.getEntities(
          {
            filter: { kind: CI_KINDS_FOR_PICKER },
            // What the picker asked for before it searched as the user typed.
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'metadata.title',
              'spec.profile.displayName',
            ],
          },
          { token },
        ),
      );

    for (let i = 0; i < 10; i++) {
      await picker(typedNames[i].slice(0, 3));
      await peer();
    }

    const opened: Sample[] = [];
    const typed: Sample[] = [];
    const peers: Sample[] = [];
    let matches = 0;
    let names = 0;
    while (typed.length < keystrokes) {
      const name = typedNames[names++ % typedNames.length];
      opened.push(await picker(''));
      for (let i = 1; i <= name.length && typed.length < keystrokes; i++) {
        const term = name.slice(0, i);
        typed.push({ ...(await picker(term)), term });
        peers.push(await peer());
      }
      const { items } = await catalog.queryEntities(
        entityPickerQuery(name, CI_KINDS_FOR_PICKER),
        { token },
      );
      if (items.some(entity => entity.metadata.name === name)) matches++;
    }
    const old: Sample[] = [];
    for (let i = 0; i < 5; i++) old.push(await everyCi());

    const countedEntities = (
      await catalog.getEntities(
        { filter: { kind: CI_KINDS_FOR_PICKER }, fields: ['kind'] },
        { token },
      )
    ).items.length;

    console.log(
      `\nEntity picker on the generated catalog (${countedEntities.toLocaleString(
        'en-US',
      )} entities${
        reuse
          ? ', ingested by an earlier run'
          : `, ingested in ${ingestSeconds.toFixed(0)} s`
      }), PostgreSQL, ${new Date().toISOString().slice(0, 10)}, ${
        os.cpus().length
      } CPUs, one request at a time, tables vacuumed and analysed\n`,
    );
    console.log(
      '| request | n | p50 ms | p95 ms | JSON kB (mean) | gzip kB (mean) |\n| --- | --- | --- | --- | --- | --- |',
    );
    console.log(row('picker: a keystroke (search, 20)', typed));
    console.log(row('picker: opened (first page of 20)', opened));
    console.log(row('catalog by-query, plain page of 20 (peer)', peers));
    console.log(row('old picker: every CI, once per dialog', old));
    const p95 = percentileOf(
      typed.map(s => s.ms),
      95,
    );
    const perKeystroke =
      typed.reduce((sum, s) => sum + s.wire, 0) / typed.length;
    console.log(
      `\nFirst suggestions: p95 ${p95.toFixed(1)} ms after the ${
        typed.length
      } keystrokes' queries leave (plus the ${ENTITY_PICKER_DEBOUNCE_MS} ms pause the picker waits for); target < 300 ms: ${
        p95 < 300 ? 'met' : 'NOT met'
      }.`,
    );
    const slowest = [...typed].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(
      `Slowest keystrokes: ${slowest
        .map(s => `"${s.term}" ${s.ms.toFixed(0)} ms`)
        .join(', ')}.`,
    );
    console.log(
      `Per keystroke ${(perKeystroke / 1024).toFixed(
        1,
      )} kB on the wire, against ${(old[0].wire / 1024).toFixed(
        0,
      )} kB for every CI; the whole name typed, its entity was among the suggestions for ${matches} of ${names} names.`,
    );
  } finally {
    stop();
  }
  await Promise.race([exited, sleep(30_000)]);
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
