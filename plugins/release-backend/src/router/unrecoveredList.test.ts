import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { UNRECOVERED_LIST_LIMIT } from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { writePast } from '../__testUtils__/writePast';

jest.setTimeout(180_000);

const databases = createTestDatabases();

const FAILURES = UNRECOVERED_LIST_LIMIT + 3;
const HOUR = 3600 * 1000;
const periodEnd = new Date('2026-03-01T00:00:00Z');

/**
 * A portfolio whose every release on one CI failed, none recovered: the
 * i-th executed on 1 January at hour 2i + 1 (so the list's order is known
 * whatever order they were registered in), closed an hour later.
 */
async function seedFailures(admin: ReleaseApi, knex: Knex) {
  const portfolio = { id: randomUUID() };
  await knex('release_portfolios').insert({
    id: portfolio.id,
    name: `Failures ${portfolio.id}`,
    description: '',
    created_at: new Date(),
    updated_at: new Date(),
  });
  const numbersByAge: string[] = [];
  // Registered newest first, so their numbers run against their age.
  for (let i = FAILURES - 1; i >= 0; i--) {
    const release = (
      await admin
        .post('/api/release/releases')
        .send({
          title: `Failure ${i}`,
          type: 'minor',
          portfolioId: portfolio.id,
          cis: [
            { entityRef: 'component:default/orders-service', role: 'updated' },
          ],
        })
        .expect(201)
    ).body;
    numbersByAge[i] = release.number;
    const end = new Date(
      Date.parse('2026-01-01T00:00:00Z') + (2 * i + 1) * HOUR,
    );
    const closed = new Date(end.getTime() + HOUR);
    await writePast(knex, release.id, {
      status: 'closed',
      outcome: 'failed',
      created_at: new Date('2025-12-01T00:00:00Z'),
      actual_start: new Date(end.getTime() - HOUR),
      actual_end: end,
      closed_at: closed,
    });
  }
  return { portfolioId: portfolio.id as string, numbersByAge };
}

describe.each(databases.eachSupportedId())(
  'the unrecovered failures on %p',
  databaseId => {
    let admin: ReleaseApi;
    let fixture: Awaited<ReturnType<typeof seedFailures>>;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      admin = await startReleaseBackend(knex, {
        permission: AuthorizeResult.ALLOW,
      });
      fixture = await seedFailures(admin, knex);
    });

    it('lists the oldest ones only, with how many there are in all', async () => {
      const { body } = await admin
        .get(
          `/api/release/metrics?portfolioId=${
            fixture.portfolioId
          }&from=2026-01-01T00:00:00Z&to=${periodEnd.toISOString()}`,
        )
        .expect(200);
      expect(body.summary).toMatchObject({
        closed: FAILURES,
        failed: FAILURES,
        recovered: 0,
      });
      expect(body.unrecoveredTotal).toBe(FAILURES);
      expect(body.unrecovered).toHaveLength(UNRECOVERED_LIST_LIMIT);
      expect(body.unrecovered.map((r: any) => r.number)).toEqual(
        fixture.numbersByAge.slice(0, UNRECOVERED_LIST_LIMIT),
      );
      // The oldest failed at 01:00 on 1 January: 59 days less an hour ago.
      expect(body.unrecovered[0]).toMatchObject({
        title: 'Failure 0',
        failedAt: '2026-01-01T01:00:00.000Z',
        ageHours: 59 * 24 - 1,
      });
    });

    it('lists them all when there are no more than the limit', async () => {
      // From 09:00 on 1 January: the first four closed before, at 02:00,
      // 04:00, 06:00 and 08:00.
      const { body } = await admin
        .get(
          `/api/release/metrics?portfolioId=${
            fixture.portfolioId
          }&from=2026-01-01T09:00:00Z&to=${periodEnd.toISOString()}`,
        )
        .expect(200);
      expect(body.unrecoveredTotal).toBe(FAILURES - 4);
      expect(body.unrecovered.map((r: any) => r.title)).toEqual(
        Array.from({ length: FAILURES - 4 }, (_, i) => `Failure ${i + 4}`),
      );
    });
  },
);
