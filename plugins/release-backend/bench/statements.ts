import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Target } from './load';

/** Requests of each kind counted, one after another. */
const REQUESTS = 30;
/** Time for what a change does after its response (the outbox's drain). */
const SETTLE_MS = 1500;

/** Where the backend writes its counts (given to it in its environment). */
export const statementsFile = path.join(
  os.tmpdir(),
  'release-load-statements.json',
);

async function countsSoFar(
  backend: ChildProcess,
): Promise<Record<string, number>> {
  const file = statementsFile;
  fs.rmSync(file, { force: true });
  backend.kill('SIGUSR2');
  for (let i = 0; i < 50 && !fs.existsSync(file); i++) await sleep(20);
  await sleep(20);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * The SQL statements one request of each kind costs, per database, counted
 * by the backend's preloaded `countStatements.cjs` around a batch of
 * requests sent one at a time. Background work of the other plugins (the
 * catalog's processing) is counted too: an idle pause of the same length is
 * shown beside them.
 */
export async function statementsPerRequest(
  backend: ChildProcess,
  mix: Target[],
  baseUrl: string,
  token: string,
): Promise<string> {
  const lines = [
    `Statements per request (${REQUESTS} requests each, one at a time), by database:\n`,
  ];
  const measure = async (name: string, send: () => Promise<void>) => {
    const before = await countsSoFar(backend);
    const started = Date.now();
    for (let i = 0; i < REQUESTS; i++) await send();
    await sleep(SETTLE_MS);
    const after = await countsSoFar(backend);
    const perDatabase = Object.keys(after)
      .map(db => [db, (after[db] - (before[db] ?? 0)) / REQUESTS] as const)
      .filter(([, n]) => n > 0)
      .map(([db, n]) => `${db} ${n.toFixed(1)}`);
    lines.push(
      `  ${name} (${Date.now() - started} ms): ${perDatabase.join(', ')}`,
    );
    return Date.now() - started;
  };
  let batchMs = 0;
  for (const target of mix) {
    batchMs = await measure(target.name, async () => {
      const { path: next, body } = target.next();
      const response = await fetch(`${baseUrl}${next}`, {
        method: target.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      await response.arrayBuffer();
    });
  }
  await measure('idle, as long as the last batch', () =>
    sleep(batchMs / REQUESTS),
  );
  return `${lines.join('\n')}\n`;
}
