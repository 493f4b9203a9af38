import { DateTime } from 'luxon';
import { Knex } from 'knex';
import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { writePast } from '../__testUtils__/writePast';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const GATEWAY = 'component:default/payment-gateway';
const BILLING = 'component:default/billing-service';

/*
 * A failure is recovered by the next success on one of its CIs, found
 * through the impact index's copy of when each release succeeded
 * (docs/metrics.md#speed). That copy must follow the workflow's own writes:
 * closing a release as successful recovers the failure at once, and
 * reopening it takes the recovery back.
 */
describe.each(databases.eachSupportedId())(
  'recovery as the workflow closes and reopens on %p',
  databaseId => {
    let api: ReleaseApi;
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      api = await startReleaseBackend(knex);
    });

    it('recovers a failure by the first success on any of its CIs as releases close, and takes it back when one is reopened', async () => {
      const { body: portfolio } = await api
        .post('/api/release/portfolios')
        .send({ name: 'Gateway' })
        .expect(201);
      const register = async (title: string, cis: string[]) =>
        (
          await api
            .post('/api/release/releases')
            .send({
              title,
              type: 'minor',
              portfolioId: portfolio.id,
              cis: cis.map(entityRef => ({ entityRef, role: 'updated' })),
            })
            .expect(201)
        ).body;
      const now = DateTime.utc();
      const failure = await register('Gateway and billing 3.0', [
        GATEWAY,
        BILLING,
      ]);
      await writePast(knex, failure.id, {
        status: 'closed',
        outcome: 'failed',
        actual_start: now.minus({ days: 4 }).toJSDate(),
        actual_end: now.minus({ days: 3 }).toJSDate(),
        closed_at: now.minus({ days: 3 }).toJSDate(),
      });
      // Succeeded on the gateway alone, two days after the failure.
      const gatewayFix = await register('Gateway 3.0.1', [GATEWAY]);
      await writePast(knex, gatewayFix.id, {
        status: 'closed',
        outcome: 'successful',
        actual_start: now.minus({ days: 1, hours: 1 }).toJSDate(),
        actual_end: now.minus({ days: 1 }).toJSDate(),
        closed_at: now.minus({ days: 1 }).toJSDate(),
      });
      // On billing alone, executed a day after the failure, not yet closed.
      const billingFix = await register('Billing 3.0.1', [BILLING]);
      await writePast(knex, billingFix.id, {
        status: 'executed',
        actual_start: now.minus({ days: 2, hours: 1 }).toJSDate(),
        actual_end: now.minus({ days: 2 }).toJSDate(),
      });
      const figures = async () =>
        (
          await api
            .get('/api/release/metrics')
            .query({ portfolioId: portfolio.id })
            .expect(200)
        ).body;

      expect((await figures()).summary).toMatchObject({
        recovered: 1,
        recoveryHours: { median: 48 },
      });

      const { body: closed } = await api
        .post(`/api/release/releases/${billingFix.id}/transitions`)
        .send({
          action: 'close',
          outcome: 'successful',
          expectedVersion: billingFix.version,
        })
        .expect(200);
      expect((await figures()).summary).toMatchObject({
        recovered: 1,
        recoveryHours: { median: 24 },
      });

      const { body: reasons } = await api
        .get('/api/release/justifications')
        .expect(200);
      await api
        .post(`/api/release/releases/${billingFix.id}/transitions`)
        .send({
          action: 'reopen',
          justificationId: reasons.items.find(
            (reason: any) => reason.name === 'Defect found after closure',
          ).id,
          expectedVersion: closed.version,
        })
        .expect(200);
      expect((await figures()).summary).toMatchObject({
        recovered: 1,
        recoveryHours: { median: 48 },
      });
    });
  },
);
