import { mockServices } from '@backstage/backend-test-utils';
import {
  canTransition,
  Release,
  RELEASE_TRANSITIONS,
  ReleaseHistoryEntry,
  targetStatus,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { releaseFromRow } from '../database/releaseRows';
import { seedExampleData } from './seedExampleData';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const now = new Date('2026-12-02T08:30:00Z');
const HOUR = 3600 * 1000;

async function seeded(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations({ getClient: async () => knex }, knex);
  const store = DatabaseReleaseStore.fromClient(knex);
  await seedExampleData(store, mockServices.logger.mock(), { now });
  return { knex, store };
}

async function releasesOf(knex: Knex): Promise<Release[]> {
  return (await knex('releases').orderBy('number')).map(releaseFromRow);
}

/** The example history's releases: their titles start with the CI's name. */
function finished(releases: Release[]) {
  return releases.filter(r => /^[a-z0-9-]+: /.test(r.title));
}

const time = (iso: string | null) => Date.parse(iso!);

/** Replays the history against the transition table; returns the last state. */
function replay(release: Release, history: ReleaseHistoryEntry[]) {
  expect(history[0]).toMatchObject({
    action: 'register',
    toStatus: 'registered',
  });
  let status: Release['status'] = 'registered';
  let previous = 0;
  for (const entry of history) {
    expect(time(entry.at)).toBeGreaterThanOrEqual(previous);
    expect(time(entry.at)).toBeLessThan(now.getTime());
    expect(entry.actor).toMatch(/^user:default\//);
    previous = time(entry.at);
    if (entry.kind !== 'transition') continue;
    const action = entry.action as keyof typeof RELEASE_TRANSITIONS;
    expect({ number: release.number, action, from: status }).toEqual({
      number: release.number,
      action,
      from: entry.fromStatus,
    });
    expect(canTransition({ status }, action)).toBe(true);
    status = targetStatus({ status, suspendedFrom: null }, action);
    expect(entry.toStatus).toBe(status);
  }
  return status;
}

describe.each(databases.eachSupportedId())(
  'the example history on %p',
  databaseId => {
    it('is the same on two fresh databases seeded on the same day', async () => {
      const one = await seeded(databaseId);
      const two = await seeded(databaseId);
      const first = await releasesOf(one.knex);
      expect(first.length).toBeGreaterThan(150);
      expect(await releasesOf(two.knex)).toEqual(first);
      const historyOf = (knex: Knex) =>
        knex('release_history')
          .orderBy('id')
          .select(
            'release_id',
            'at',
            'actor',
            'action',
            'to_status',
            'changes',
          );
      expect(await historyOf(two.knex)).toEqual(await historyOf(one.knex));
    });

    it('holds only releases the workflow could have written, in a realistic mix', async () => {
      const { knex, store } = await seeded(databaseId);
      const releases = finished(await releasesOf(knex));
      expect(releases.length).toBeGreaterThanOrEqual(150);
      expect(releases.length).toBeLessThanOrEqual(300);

      for (const release of releases) {
        const history = await store.history.listForRelease(release.id);
        expect(replay(release, history)).toBe(release.status);
        const count = (action: string) =>
          history.filter(e => e.action === action).length;
        expect(release.reworkCount).toBe(count('rework'));
        expect(release.reopenCount).toBe(count('reopen'));
        expect(time(release.createdAt)).toBeGreaterThan(
          now.getTime() - 366 * 24 * HOUR,
        );
      }

      const closed = releases.filter(r => r.status === 'closed');
      const cancelled = releases.filter(r => r.status !== 'closed');
      for (const release of closed) {
        expect(release.outcome).not.toBeNull();
        expect(time(release.actualStart)).toBeLessThan(time(release.actualEnd));
        expect(time(release.actualEnd)).toBeLessThanOrEqual(
          time(release.closedAt),
        );
        expect(time(release.createdAt)).toBeLessThan(time(release.actualStart));
        const open = (await store.activities.listForRelease(release.id)).filter(
          a => !['done', 'skipped'].includes(a.status),
        );
        expect(open).toEqual([]);
      }
      for (const release of closed.filter(r => r.outcome !== 'successful')) {
        expect(release.closureNotes).toBeTruthy();
      }
      for (const release of cancelled) {
        expect(release.status).toBe('cancelled');
        expect(release.actualEnd).toBeNull();
        expect(release.closedAt).not.toBeNull();
      }

      const outcomes = new Set(closed.map(r => r.outcome));
      expect([...outcomes].sort()).toEqual([
        'failed',
        'partial',
        'rolled-back',
        'successful',
      ]);
      const share = (pick: (r: Release) => boolean) =>
        closed.filter(pick).length / closed.length;
      expect(share(r => r.outcome === 'successful')).toBeGreaterThan(0.75);
      expect(closed.some(r => r.reworkCount > 0)).toBe(true);
      expect(closed.some(r => r.reopenCount > 0)).toBe(true);
      expect(closed.some(r => r.type === 'emergency')).toBe(true);
      expect(releases.some(r => r.status === 'cancelled')).toBe(true);
      expect(new Set(releases.map(r => r.executorGroup)).size).toBe(4);
      expect(new Set(releases.map(r => r.portfolioId)).size).toBe(2);

      const incidents = await knex('release_external_relations').where({
        kind: 'incident',
      });
      expect(incidents.length).toBeGreaterThan(10);
      for (const incident of incidents) {
        expect(incident.key).toMatch(/^INC-\d{4}$/);
      }
    });

    it('recovers most failures with a later release on the same CI, and leaves recent ones open', async () => {
      const { knex } = await seeded(databaseId);
      const releases = finished(await releasesOf(knex)).filter(
        r => r.status === 'closed',
      );
      const cis = new Map<string, string[]>();
      for (const row of await knex('release_ci_relations')) {
        cis.set(row.release_id, [
          ...(cis.get(row.release_id) ?? []),
          row.entity_ref,
        ]);
      }
      const recoveryOf = (failed: Release) =>
        releases
          .filter(
            r =>
              r.outcome === 'successful' &&
              time(r.actualEnd) > time(failed.actualEnd) &&
              cis.get(r.id)!.some(ci => cis.get(failed.id)!.includes(ci)),
          )
          .map(r => time(r.actualEnd) - time(failed.actualEnd))
          .sort((a, b) => a - b)[0];
      const failures = releases.filter(r =>
        ['failed', 'rolled-back'].includes(r.outcome!),
      );
      const open = failures.filter(f => recoveryOf(f) === undefined);
      expect(open.length).toBeGreaterThanOrEqual(1);
      expect(open.length).toBeLessThanOrEqual(3);
      for (const failure of open) {
        expect(time(failure.actualEnd)).toBeGreaterThan(
          now.getTime() - 30 * 24 * HOUR,
        );
      }

      // The teams deliver differently: the platform team recovers in
      // hours and its lead time is under two days, the data team takes
      // weeks for both and fails more often.
      const median = (values: number[]) =>
        values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const ofTeam = (name: string) =>
        releases.filter(r => r.executorGroup === `group:default/${name}`);
      const figures = (name: string) => {
        const team = ofTeam(name);
        const teamFailures = failures.filter(f => team.includes(f));
        return {
          leadHours:
            median(team.map(r => time(r.actualEnd) - time(r.createdAt))) / HOUR,
          failureRate:
            team.filter(r => teamFailures.includes(r) || r.reworkCount > 0)
              .length / team.length,
          recoveryHours:
            median(
              teamFailures
                .map(recoveryOf)
                .filter((h): h is number => h !== undefined),
            ) / HOUR,
        };
      };
      const platform = figures('platform-team');
      const data = figures('data-team');
      expect(platform.leadHours).toBeLessThan(48);
      expect(platform.recoveryHours).toBeLessThan(24);
      expect(data.leadHours).toBeGreaterThan(14 * 24);
      expect(data.recoveryHours).toBeGreaterThan(7 * 24);
      expect(data.failureRate).toBeGreaterThan(2 * platform.failureRate);
    });
  },
);
