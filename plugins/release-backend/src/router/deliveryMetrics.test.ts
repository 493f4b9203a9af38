import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { managerOnly, TestPolicy } from '../__testUtils__/fakePermissions';
import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { writePast } from '../__testUtils__/writePast';

jest.setTimeout(180_000);

const databases = createTestDatabases();

const ANA = 'user:default/ana.souza';
const CARLA = 'user:default/carla.mendes';
const PAYMENTS_TEAM = 'group:default/payments-team';
const STOREFRONT_TEAM = 'group:default/storefront-team';
const at = (text: string) => new Date(`2026-${text}:00Z`);

/** A release's history as it stands, written over what registration made. */
type Past = {
  title: string;
  cis: string[];
  status: 'executed' | 'closed' | 'cancelled' | 'planning';
  outcome?: 'successful' | 'failed' | 'rolled-back';
  type?: 'minor' | 'emergency';
  created: string;
  plannedStart?: string;
  actualStart?: string;
  actualEnd?: string;
  closed?: string;
  reworkCount?: number;
  reopenCount?: number;
  manager?: string;
  executorGroup?: string;
  inPortfolio?: boolean;
  incident?: boolean;
};

/*
 * The fixture: a portfolio's releases from late 2025 to March 2026 over the
 * example catalog, with every figure worked out by hand in the tests below
 * (times are UTC; lead time = registration → actual end).
 */
const history: Record<string, Past> = {
  // Failed on payment-gateway; lead 110 h, slip 2 h. Recovered by R3 (240 h).
  R1: {
    title: 'Gateway 3.0',
    cis: ['component:default/payment-gateway'],
    status: 'closed',
    outcome: 'failed',
    created: '01-01T00:00',
    plannedStart: '01-05T10:00',
    actualStart: '01-05T12:00',
    actualEnd: '01-05T14:00',
    closed: '01-06T00:00',
    executorGroup: PAYMENTS_TEAM,
  },
  // Successful but shares no CI with R1: no recovery. Emergency; lead 50 h.
  R2: {
    title: 'Fraud rules hotfix',
    cis: ['component:default/fraud-detection'],
    status: 'closed',
    outcome: 'successful',
    type: 'emergency',
    created: '01-08T00:00',
    plannedStart: '01-10T00:00',
    actualStart: '01-10T00:00',
    actualEnd: '01-10T02:00',
    closed: '01-11T00:00',
    executorGroup: PAYMENTS_TEAM,
  },
  // Shares payment-gateway with R1: recovers it. Lead 86 h, slip 1 h.
  R3: {
    title: 'Gateway 3.0.1',
    cis: [
      'component:default/payment-gateway',
      'component:default/billing-service',
    ],
    status: 'closed',
    outcome: 'successful',
    created: '01-12T00:00',
    plannedStart: '01-15T08:00',
    actualStart: '01-15T09:00',
    actualEnd: '01-15T14:00',
    closed: '01-16T00:00',
    executorGroup: PAYMENTS_TEAM,
  },
  // Executed in February (crossing the month), rolled back, never recovered.
  // Lead 290 h, slip 2 h.
  R4: {
    title: 'Orders split',
    cis: ['component:default/orders-service'],
    status: 'closed',
    outcome: 'rolled-back',
    created: '01-20T00:00',
    plannedStart: '01-31T20:00',
    actualStart: '01-31T22:00',
    actualEnd: '02-01T02:00',
    closed: '02-02T00:00',
    executorGroup: STOREFRONT_TEAM,
  },
  // Executed before the period, closed in it: closed, not executed.
  R5: {
    title: 'Invoice year end',
    cis: ['component:default/invoice-worker'],
    status: 'closed',
    outcome: 'successful',
    type: 'emergency',
    created: '12-20T00:00',
    plannedStart: '12-31T22:00',
    actualStart: '12-31T22:00',
    actualEnd: '12-31T23:00',
    closed: '01-02T00:00',
    executorGroup: PAYMENTS_TEAM,
  },
  // Reworked after execution, then successful: a failure without recovery
  // to measure. Related to an incident. Lead 226 h, slip 1 h.
  R6: {
    title: 'Billing retry',
    cis: ['component:default/billing-service'],
    status: 'closed',
    outcome: 'successful',
    created: '02-01T00:00',
    plannedStart: '02-10T08:00',
    actualStart: '02-10T09:00',
    actualEnd: '02-10T10:00',
    closed: '02-11T00:00',
    reworkCount: 1,
    incident: true,
    executorGroup: PAYMENTS_TEAM,
  },
  // Cancelled during deployment: counts nowhere.
  R7: {
    title: 'Gateway experiment',
    cis: ['component:default/payment-gateway'],
    status: 'cancelled',
    created: '01-03T00:00',
    plannedStart: '01-20T00:00',
    actualStart: '01-20T00:00',
    closed: '01-20T06:00',
    executorGroup: PAYMENTS_TEAM,
  },
  // Closed failed, then reopened and not executed again: counts nowhere.
  R8: {
    title: 'Gateway reopened',
    cis: ['component:default/payment-gateway'],
    status: 'planning',
    created: '01-03T00:00',
    actualStart: '01-25T00:00',
    actualEnd: '01-25T01:00',
    reopenCount: 1,
    executorGroup: PAYMENTS_TEAM,
  },
  // Reopened and closed again: counts once, by its latest execution and
  // outcome. Lead 1164 h, slip 1 h.
  R9: {
    title: 'Tax tables',
    cis: ['component:default/tax-calculator'],
    status: 'closed',
    outcome: 'successful',
    created: '01-03T00:00',
    plannedStart: '02-20T10:00',
    actualStart: '02-20T11:00',
    actualEnd: '02-20T12:00',
    closed: '02-21T00:00',
    reopenCount: 1,
    executorGroup: STOREFRONT_TEAM,
  },
  // Managed by someone else: the reader may not see it. It would recover R1
  // after 34 h.
  R10: {
    title: 'Gateway config (hidden)',
    cis: ['component:default/payment-gateway'],
    status: 'closed',
    outcome: 'successful',
    created: '01-06T00:00',
    plannedStart: '01-07T00:00',
    actualStart: '01-06T23:00',
    actualEnd: '01-07T00:00',
    closed: '01-07T06:00',
    manager: CARLA,
    executorGroup: PAYMENTS_TEAM,
  },
  // Outside the portfolio: in the storefront system's figures only.
  R11: {
    title: 'Storefront banner',
    cis: ['component:default/storefront-web'],
    status: 'closed',
    outcome: 'successful',
    created: '01-10T00:00',
    plannedStart: '01-12T00:00',
    actualStart: '01-12T00:00',
    actualEnd: '01-12T01:00',
    closed: '01-12T02:00',
    inPortfolio: false,
    executorGroup: STOREFRONT_TEAM,
  },
  // After the period.
  R12: {
    title: 'Gateway 3.1',
    cis: ['component:default/payment-gateway'],
    status: 'closed',
    outcome: 'successful',
    created: '03-01T00:00',
    plannedStart: '03-05T00:00',
    actualStart: '03-05T00:00',
    actualEnd: '03-05T01:00',
    closed: '03-05T02:00',
    executorGroup: PAYMENTS_TEAM,
  },
};

/** `MM-DDTHH:mm` in 2026, or in December 2025 for month 12. */
function when(text: string | undefined): Date | null {
  if (!text) return null;
  return text.startsWith('12-') ? new Date(`2025-${text}:00Z`) : at(text);
}

/**
 * Registers each release through the API, so the impact index is built from
 * the catalog, then writes its past.
 */
async function seedHistory(admin: ReleaseApi, knex: Knex) {
  const portfolio = (
    await admin
      .post('/api/release/portfolios')
      .send({ name: `Payments ${randomUUID()}` })
      .expect(201)
  ).body;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};
  for (const [key, past] of Object.entries(history)) {
    const release = (
      await admin
        .post('/api/release/releases')
        .send({
          title: past.title,
          type: past.type ?? 'minor',
          portfolioId: past.inPortfolio === false ? null : portfolio.id,
          cis: past.cis.map(entityRef => ({ entityRef, role: 'updated' })),
        })
        .expect(201)
    ).body;
    ids[key] = release.id;
    numbers[key] = release.number;
    await writePast(knex, release.id, {
      status: past.status,
      outcome: past.outcome ?? null,
      manager: past.manager ?? ANA,
      executor_group: past.executorGroup ?? null,
      created_at: when(past.created),
      planned_start: when(past.plannedStart),
      planned_end: when(past.plannedStart),
      actual_start: when(past.actualStart),
      actual_end: when(past.actualEnd),
      closed_at: when(past.closed),
      rework_count: past.reworkCount ?? 0,
      reopen_count: past.reopenCount ?? 0,
    });
    if (past.incident) {
      await knex('release_external_relations').insert({
        id: randomUUID(),
        release_id: release.id,
        kind: 'incident',
        key: 'INC-4711',
        title: 'Invoices retried twice',
        created_by: ANA,
        created_at: at('02-12T00:00'),
      });
    }
  }
  return { portfolioId: portfolio.id as string, ids, numbers };
}

/** Reads Ana's releases only, everything else allowed. */
const anaOnly: { policy: TestPolicy } = {
  policy: permission =>
    permission.name === 'release.read'
      ? managerOnly(ANA)
      : { result: AuthorizeResult.ALLOW },
};

const period = 'from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z';

describe.each(databases.eachSupportedId())(
  'delivery figures on %p',
  databaseId => {
    let knex: Knex;
    let admin: ReleaseApi;
    let reader: ReleaseApi;
    let fixture: Awaited<ReturnType<typeof seedHistory>>;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      admin = await startReleaseBackend(knex, {
        permission: AuthorizeResult.ALLOW,
      });
      reader = await startReleaseBackend(knex, anaOnly);
      fixture = await seedHistory(admin, knex);
    });

    const metrics = async (client: ReleaseApi, query: string) =>
      (await client.get(`/api/release/metrics?${query}`).expect(200)).body;

    it("computes a portfolio's figures over the period and per month", async () => {
      const body = await metrics(
        reader,
        `portfolioId=${fixture.portfolioId}&${period}`,
      );
      expect(body.scope).toEqual({ portfolioId: fixture.portfolioId });
      expect(body.from).toBe('2026-01-01T00:00:00.000Z');
      expect(body.to).toBe('2026-03-01T00:00:00.000Z');
      // Executed: R1 R2 R3 R4 R6 R9 over 59 days; closed: those and R5.
      expect(body.summary).toEqual({
        executed: 6,
        releasesPerWeek: 6 / (59 / 7),
        medianIntervalHours: 224,
        leadTimeHours: { median: 168, p90: 1164 },
        windowSlipHours: { median: 1 },
        closed: 7,
        failed: 3,
        changeFailureRate: 3 / 7,
        recovered: 1,
        recoveryHours: { median: 240 },
        reworked: 2,
        reworkRate: 2 / 6,
      });
      expect(body.levels).toEqual({
        frequency: 'medium',
        leadTime: 'high',
        changeFailureRate: 'low',
        recoveryTime: 'low',
      });
      expect(body.buckets).toEqual([
        {
          start: '2026-01-01T00:00:00.000Z',
          end: '2026-02-01T00:00:00.000Z',
          executed: 3,
          releasesPerWeek: 3 / (31 / 7),
          medianIntervalHours: 120,
          leadTimeHours: { median: 86, p90: 110 },
          windowSlipHours: { median: 1 },
          closed: 4,
          failed: 1,
          changeFailureRate: 1 / 4,
          recovered: 1,
          recoveryHours: { median: 240 },
          reworked: 1,
          reworkRate: 1 / 3,
        },
        {
          start: '2026-02-01T00:00:00.000Z',
          end: '2026-03-01T00:00:00.000Z',
          executed: 3,
          releasesPerWeek: 3 / 4,
          medianIntervalHours: 233,
          leadTimeHours: { median: 290, p90: 1164 },
          windowSlipHours: { median: 1 },
          closed: 3,
          failed: 2,
          changeFailureRate: 2 / 3,
          recovered: 0,
          recoveryHours: { median: null },
          reworked: 1,
          reworkRate: 1 / 3,
        },
      ]);
      expect(body.unrecovered).toEqual([
        {
          id: fixture.ids.R4,
          number: fixture.numbers.R4,
          title: 'Orders split',
          failedAt: '2026-02-01T02:00:00.000Z',
          ageHours: 670,
        },
      ]);
      expect(body.unrecoveredTotal).toBe(1);
    });

    it('changes no figure for a release the caller may not read', async () => {
      const query = `portfolioId=${fixture.portfolioId}&${period}`;
      const seenByAll = await metrics(admin, query);
      // R10 counts for whoever may read it: one more execution, and R1
      // recovered by it after 34 hours instead of by R3 after 240.
      expect(seenByAll.summary.executed).toBe(7);
      expect(seenByAll.summary.recoveryHours).toEqual({ median: 34 });
      const seenByAna = await metrics(reader, query);
      expect(seenByAna.summary.executed).toBe(6);
      expect(seenByAna.summary.recoveryHours).toEqual({ median: 240 });
      expect(JSON.stringify(seenByAna)).not.toContain(fixture.ids.R10);
    });

    it('cuts weeks at Mondays and counts execution and closure in their own buckets', async () => {
      // 28 January 2026 is a Wednesday; R4 is executed on Sunday 1 February
      // and closed on Monday 2 February.
      const body = await metrics(
        reader,
        `portfolioId=${fixture.portfolioId}&from=2026-01-28T00:00:00Z&to=2026-02-04T00:00:00Z&bucket=week`,
      );
      expect(
        body.buckets.map((b: any) => [b.start, b.end, b.executed, b.closed]),
      ).toEqual([
        ['2026-01-28T00:00:00.000Z', '2026-02-02T00:00:00.000Z', 1, 0],
        ['2026-02-02T00:00:00.000Z', '2026-02-04T00:00:00.000Z', 0, 1],
      ]);
      expect(body.buckets[1].changeFailureRate).toBe(1);
      expect(body.buckets[0].releasesPerWeek).toBe(1 / (5 / 7));
      expect(body.summary.failed).toBe(1);
      // Still failed at the period's end, two days and 22 hours later.
      expect(body.unrecovered.map((r: any) => [r.title, r.ageHours])).toEqual([
        ['Orders split', 70],
      ]);
    });

    it("counts a system's components' releases, and a domain's systems'", async () => {
      // R1 and R3 reach the storefront too, but through the payments API
      // and its consumers, not by being part of it.
      const reached = await knex('release_impact')
        .where({
          release_id: fixture.ids.R1,
          entity_ref: 'system:default/storefront',
        })
        .first();
      expect(reached).toBeDefined();

      const payments = await metrics(
        reader,
        `entityRef=system:default/payments&${period}`,
      );
      // R1 R2 R3 R6 executed; R5 closed too; R1 and R6 failed.
      expect(payments.scope).toEqual({ entityRef: 'system:default/payments' });
      expect(payments.summary).toMatchObject({
        executed: 4,
        closed: 5,
        failed: 2,
        recovered: 1,
      });
      const storefront = await metrics(
        reader,
        `entityRef=system:default/storefront&${period}`,
      );
      // R4 R9 and R11, which is in no portfolio.
      expect(storefront.summary).toMatchObject({ executed: 3, closed: 3 });
      expect(storefront.unrecovered.map((r: any) => r.title)).toEqual([
        'Orders split',
      ]);
      const commerce = await metrics(
        reader,
        `entityRef=domain:default/commerce&${period}`,
      );
      expect(commerce.summary).toMatchObject({ executed: 7, closed: 8 });
      const gateway = await metrics(
        reader,
        `entityRef=component:default/payment-gateway&${period}`,
      );
      expect(gateway.summary).toMatchObject({ executed: 2, failed: 1 });
    });

    it('has nothing to measure where nothing was released', async () => {
      const body = await metrics(
        reader,
        `entityRef=system:default/analytics&${period}`,
      );
      const nothing = {
        executed: 0,
        releasesPerWeek: 0,
        medianIntervalHours: null,
        leadTimeHours: { median: null, p90: null },
        windowSlipHours: { median: null },
        closed: 0,
        failed: 0,
        changeFailureRate: null,
        recovered: 0,
        recoveryHours: { median: null },
        reworked: 0,
        reworkRate: null,
      };
      expect(body.summary).toEqual(nothing);
      expect(body.levels).toEqual({
        frequency: null,
        leadTime: null,
        changeFailureRate: null,
        recoveryTime: null,
      });
      expect(body.buckets).toHaveLength(2);
      expect(body.buckets[1]).toEqual({
        start: '2026-02-01T00:00:00.000Z',
        end: '2026-03-01T00:00:00.000Z',
        ...nothing,
      });
      expect(body.unrecovered).toEqual([]);
      expect(body.unrecoveredTotal).toBe(0);
    });

    it('scopes by executor group and compares groups and systems', async () => {
      const team = await metrics(
        reader,
        `executorGroup=${STOREFRONT_TEAM}&${period}`,
      );
      expect(team.summary).toMatchObject({ executed: 3, failed: 1 });

      const byGroup = (
        await reader
          .get(
            `/api/release/metrics/comparison?dimension=executorGroup&${period}`,
          )
          .expect(200)
      ).body;
      expect(
        byGroup.rows.map((row: any) => [
          row.key,
          row.summary.executed,
          row.summary.failed,
          row.levels.recoveryTime,
        ]),
      ).toEqual([
        [PAYMENTS_TEAM, 4, 2, 'low'],
        [STOREFRONT_TEAM, 3, 1, null],
      ]);

      const bySystem = (
        await reader
          .get(`/api/release/metrics/comparison?dimension=system&${period}`)
          .expect(200)
      ).body;
      expect(bySystem).toMatchObject({
        dimension: 'system',
        from: '2026-01-01T00:00:00.000Z',
      });
      expect(
        bySystem.rows.map((row: any) => [row.key, row.summary.executed]),
      ).toEqual([
        ['system:default/payments', 4],
        ['system:default/storefront', 3],
      ]);
    });

    it('downloads the figures as CSV, a row per bucket and a total', async () => {
      const response = await reader
        .get(
          `/api/release/metrics?portfolioId=${fixture.portfolioId}&${period}&format=csv&language=pt-BR`,
        )
        .expect(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const lines = response.text.trim().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/^Linha,Início,Fim,Executadas,/);
      expect(lines[1]).toMatch(
        /^bucket,2026-01-01T00:00:00.000Z,2026-02-01T00:00:00.000Z,3,/,
      );
      const total = lines[3].split(',');
      expect(total.slice(0, 4)).toEqual([
        'total',
        '2026-01-01T00:00:00.000Z',
        '2026-03-01T00:00:00.000Z',
        '6',
      ]);
      // Change failure rate and the February recovery, which has no value.
      expect(Number(total[11])).toBeCloseTo(3 / 7, 10);
      expect(lines[2].split(',')[13]).toBe('');
      const english = await reader
        .get(
          `/api/release/metrics?portfolioId=${fixture.portfolioId}&${period}&format=csv`,
        )
        .expect(200);
      expect(english.text).toMatch(
        /^Row,Start,End,Executed,Releases per week,/,
      );
    });

    it.each([
      ['from=yesterday', 'from'],
      ['from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      [`portfolioId=${randomUUID()}&executorGroup=team-a`, 'portfolioId'],
      ['bucket=day', 'bucket'],
      ['entityRef=user:default/ana', 'entityRef'],
      ['format=xml', 'format'],
      [
        'from=1990-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&bucket=week',
        'bucket',
      ],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const { body } = await reader
        .get(`/api/release/metrics?${query}`)
        .expect(400);
      expect(body.error.details.map((d: any) => d.field)).toContain(field);
    });

    it('refuses a comparison without a dimension, and an unknown portfolio', async () => {
      const { body } = await reader
        .get('/api/release/metrics/comparison?dimension=team')
        .expect(400);
      expect(body.error.details.map((d: any) => d.field)).toEqual([
        'dimension',
      ]);
      await reader
        .get(`/api/release/metrics?portfolioId=${randomUUID()}`)
        .expect(404);
    });
  },
);
