import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { withCatalogRelations } from '../__testUtils__/exampleCatalog';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(180_000);

const databases = createTestDatabases();

const component = (
  name: string,
  spec: Record<string, unknown>,
  tags: string[] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', tags },
  spec: { type: 'service', owner: 'group:default/ledger-team', ...spec },
});

/*
 * The ledger database is tagged critical and the ledger service, in
 * production, depends on it: a release on the database reaches both.
 */
const catalog = () =>
  withCatalogRelations([
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'ledger-db', namespace: 'default', tags: ['critical'] },
      spec: { type: 'database', owner: 'group:default/ledger-team' },
    },
    component('ledger-service', {
      lifecycle: 'production',
      dependsOn: ['resource:default/ledger-db'],
    }),
    component('audit-log', { lifecycle: 'experimental' }),
    component('invoice-service', { lifecycle: 'production' }),
    component('mailer', { lifecycle: 'production' }),
  ]);

const LEDGER_DB = 'resource:default/ledger-db';
const LEDGER_SERVICE = 'component:default/ledger-service';
const AUDIT_LOG = 'component:default/audit-log';
const INVOICES = 'component:default/invoice-service';
const MAILER = 'component:default/mailer';

/** Thresholds low enough that one CI moves the level. */
const config = { release: { risk: { thresholds: { medium: 5, high: 30 } } } };

/** Whole-hour windows well ahead; each test its own, so none conflict. */
const base = DateTime.utc().startOf('hour').plus({ days: 40 });
const at = (hours: number) => base.plus({ hours }).toISO()!;

describe.each(databases.eachSupportedId())(
  'the explained risk assessment on %p',
  databaseId => {
    let knex: Knex;
    let api: ReleaseApi;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      api = await startReleaseBackend(knex, {
        config,
        entities: await catalog(),
      });
    });

    /** A minor, low-priority release: no factor of its own. */
    async function register(window: number, cis: string[] = []) {
      const { body } = await api
        .post('/api/release/releases')
        .send({
          title: `Ledger change ${window}`,
          type: 'minor',
          impact: 'low',
          urgency: 'low',
          risk: 'low',
          plannedStart: at(window),
          plannedEnd: at(window + 2),
          cis: cis.map(entityRef => ({ entityRef, role: 'updated' })),
        })
        .expect(201);
      return body;
    }

    const read = async (id: string) =>
      (await api.get(`/api/release/releases/${id}`).expect(200)).body;
    const history = async (id: string) =>
      (await api.get(`/api/release/releases/${id}/history`).expect(200)).body
        .items;
    const lastEntry = async (id: string) => {
      const entries = await history(id);
      return entries[entries.length - 1];
    };
    /** The assessment without the moment it was made. */
    const explained = (release: any) => {
      const { assessedAt: _, ...rest } = release.riskAssessment;
      return rest;
    };
    const relate = (id: string, entityRef: string) =>
      api
        .post(`/api/release/releases/${id}/relations`)
        .send({ kind: 'ci', entityRef, role: 'updated' })
        .expect(201);

    it('recomputes when a CI is added: score, level, history', async () => {
      const release = await register(0);
      expect(release.riskAssessment).toEqual({
        score: 0,
        suggestedLevel: 'low',
        level: 'low',
        override: null,
        factors: [],
        assessedAt: expect.any(String),
      });

      await relate(release.id, LEDGER_DB);

      const after = await read(release.id);
      // 2 entities × 1, the critical database 5, the production service 2.
      expect(after.riskAssessment).toMatchObject({
        score: 9,
        suggestedLevel: 'medium',
        level: 'medium',
        override: null,
        factors: [
          {
            factor: 'critical-entities',
            value: 1,
            points: 5,
            subjects: [LEDGER_DB],
          },
          {
            factor: 'impacted-entities',
            value: 2,
            points: 2,
            subjects: [LEDGER_DB, LEDGER_SERVICE],
          },
          {
            factor: 'production-entities',
            value: 1,
            points: 2,
            subjects: [LEDGER_SERVICE],
          },
        ],
      });
      expect(after.risk).toBe('medium');
      // A derived field: the manager's next edit is not refused as stale.
      expect(after.version).toBe(release.version);

      const entries = await history(release.id);
      expect(entries[entries.length - 1]).toMatchObject({
        actor: 'plugin:release',
        kind: 'edited',
        action: 'risk-assessed',
        changes: { risk: { before: 'low', after: 'medium' } },
      });
      const listed = await api
        .get('/api/release/releases')
        .query({ entityRef: LEDGER_DB })
        .expect(200);
      expect(
        listed.body.items.find((item: any) => item.id === release.id).risk,
      ).toBe('medium');

      const impact = await api
        .get(`/api/release/releases/${release.id}/impact`)
        .expect(200);
      expect(
        impact.body.entities.map((e: any) => [e.entityRef, e.lifecycle]),
      ).toEqual([
        [LEDGER_DB, null],
        [LEDGER_SERVICE, 'production'],
      ]);
    });

    it('takes another level only with a justification, recorded in the history, and back', async () => {
      const release = await register(10, [LEDGER_DB]);
      const current = await read(release.id);
      expect(current.riskAssessment.suggestedLevel).toBe('medium');

      const refused = await api
        .patch(`/api/release/releases/${release.id}`)
        .send({ risk: 'high', expectedVersion: current.version })
        .expect(400);
      expect(refused.body.error.message).toContain('riskJustification');
      expect(refused.body.error.details).toEqual([
        {
          field: 'riskJustification',
          message: expect.stringContaining('the assessment suggests medium'),
        },
      ]);
      const unchanged = await read(release.id);
      expect(unchanged).toMatchObject({
        risk: 'medium',
        version: current.version,
      });

      const raised = await api
        .patch(`/api/release/releases/${release.id}`)
        .send({
          risk: 'high',
          riskJustification: 'Month-end close runs on the ledger',
          expectedVersion: current.version,
        })
        .expect(200);
      expect(raised.body.risk).toBe('high');
      expect(raised.body.riskAssessment).toMatchObject({
        suggestedLevel: 'medium',
        level: 'high',
        override: {
          level: 'high',
          justification: 'Month-end close runs on the ledger',
          by: 'user:default/mock',
          at: expect.any(String),
        },
      });
      expect(await lastEntry(release.id)).toMatchObject({
        kind: 'edited',
        action: 'edit',
        actor: 'user:default/mock',
        changes: {
          risk: { before: 'medium', after: 'high' },
          riskJustification: {
            before: null,
            after: 'Month-end close runs on the ledger',
          },
        },
      });

      // A new factor moves the suggestion, never the manager's level.
      await relate(release.id, AUDIT_LOG);
      const kept = await read(release.id);
      expect(kept.riskAssessment).toMatchObject({
        score: 10,
        suggestedLevel: 'medium',
        level: 'high',
      });
      expect(kept.risk).toBe('high');

      // The manager's level sent again, unchanged, with another field.
      const retitled = await api
        .patch(`/api/release/releases/${release.id}`)
        .send({
          title: 'Ledger change 10, month end',
          risk: 'high',
          expectedVersion: kept.version,
        })
        .expect(200);
      expect(retitled.body.riskAssessment.override).toMatchObject({
        level: 'high',
        justification: 'Month-end close runs on the ledger',
      });

      const back = await api
        .patch(`/api/release/releases/${release.id}`)
        .send({ risk: 'medium', expectedVersion: retitled.body.version })
        .expect(200);
      expect(back.body.riskAssessment).toMatchObject({
        level: 'medium',
        override: null,
      });
      expect(await lastEntry(release.id)).toMatchObject({
        action: 'edit',
        changes: {
          risk: { before: 'high', after: 'medium' },
          riskJustification: {
            before: 'Month-end close runs on the ledger',
            after: null,
          },
        },
      });
    });

    it('never undoes an override with an assessment written after it', async () => {
      const release = await register(40, [LEDGER_DB]);
      const current = await read(release.id);
      await api
        .patch(`/api/release/releases/${release.id}`)
        .send({
          risk: 'low',
          riskJustification: 'A dry run on the replica went fine',
          expectedVersion: current.version,
        })
        .expect(200);
      // An assessment computed before the override, stored after it.
      await DatabaseReleaseStore.fromClient(knex).risk.record(release.id, {
        score: 40,
        suggested: 'high',
        factors: [],
        assessedAt: new Date(),
      });
      const { risk } = await knex('releases')
        .where({ id: release.id })
        .first('risk');
      expect(risk).toBe('low');
    });

    it('follows the configured weights', async () => {
      const release = await register(20, [LEDGER_DB]);
      const weighted = await startReleaseBackend(knex, {
        config: {
          release: {
            risk: {
              thresholds: { medium: 5, high: 30 },
              weights: { criticalEntities: { each: 30, max: 30 } },
            },
          },
        },
        entities: await catalog(),
      });
      const { body } = await weighted
        .get(`/api/release/releases/${release.id}`)
        .expect(200);
      // 2 entities × 1, the critical database 30, the production service 2.
      expect(body.riskAssessment).toMatchObject({
        score: 34,
        suggestedLevel: 'high',
        level: 'high',
      });
      expect(body.risk).toBe('high');
    });

    it('counts the failure rate of releases closed on the same CIs only', async () => {
      const now = DateTime.utc();
      const past = async (
        cis: string[],
        outcome: 'successful' | 'failed',
        closedDaysAgo: number,
      ) => {
        const { body } = await api
          .post('/api/release/releases')
          .send({
            title: `Invoices ${outcome} ${closedDaysAgo}`,
            type: 'minor',
            impact: 'low',
            urgency: 'low',
            cis: cis.map(entityRef => ({ entityRef, role: 'updated' })),
          })
          .expect(201);
        const closedAt = now.minus({ days: closedDaysAgo }).toJSDate();
        await knex('releases').where({ id: body.id }).update({
          status: 'closed',
          outcome,
          actual_end: closedAt,
          closed_at: closedAt,
        });
        return body.number as string;
      };
      const failedOnInvoices = await past([INVOICES], 'failed', 10);
      await past([INVOICES, AUDIT_LOG], 'successful', 20);
      await past([INVOICES], 'failed', 120); // before the 90 days
      await past([MAILER], 'failed', 5); // another CI

      const release = await register(30, [INVOICES]);
      const { riskAssessment } = await read(release.id);
      // 1 failed of 2 closed on invoice-service: 0.5 × 20 = 10; the
      // production service adds 1 + 2.
      expect(riskAssessment.factors).toEqual([
        {
          factor: 'failure-rate',
          value: 0.5,
          points: 10,
          subjects: [failedOnInvoices],
        },
        {
          factor: 'production-entities',
          value: 1,
          points: 2,
          subjects: [INVOICES],
        },
        {
          factor: 'impacted-entities',
          value: 1,
          points: 1,
          subjects: [INVOICES],
        },
      ]);
      expect(riskAssessment.score).toBe(13);
    });

    it('counts a conflict as soon as another release collides, on the next read', async () => {
      const first = await register(50, [LEDGER_DB]);
      // Its first assessment gives it its level, as registration gives its
      // other fields: no history entry of its own.
      expect(first.risk).toBe('medium');
      expect(first.riskAssessment.score).toBe(9);
      expect(
        (await history(first.id)).map((entry: any) => entry.action),
      ).toEqual(['register', 'relation-added']);
      const before = await read(first.id);
      expect(
        before.riskAssessment.factors.map((f: any) => f.factor),
      ).not.toContain('conflicts');

      // Another release on the ledger's service, its window overlapping.
      const second = await register(51, [LEDGER_SERVICE]);
      const after = await read(first.id);
      expect(after.riskAssessment.factors).toContainEqual({
        factor: 'conflicts',
        value: 1,
        points: 5,
        subjects: [second.number],
      });
      // 9 of the CI and its impact, 5 of the conflict.
      expect(after.riskAssessment.score).toBe(14);
      expect(after.version).toBe(before.version);
    });

    it('answers a transition with the assessment as stored, and assesses a reopened release again', async () => {
      const release = await register(70, [LEDGER_DB]);
      const seen = await read(release.id);
      // Cancelling and reopening ask for a reason: one of the defaults.
      const { body: reasons } = await api
        .get('/api/release/justifications')
        .expect(200);
      const transition = (from: any, action: string) =>
        api
          .post(`/api/release/releases/${release.id}/transitions`)
          .send({
            action,
            expectedVersion: from.version,
            justificationId: reasons.items.find((reason: any) =>
              reason.appliesTo.includes(action),
            )?.id,
          })
          .expect(200);

      // Planning moves no factor: the answer is the assessment as stored,
      // dated when it was last written, not assessed again.
      const { body: planned } = await transition(seen, 'plan');
      expect(planned.status).toBe('planning');
      expect(explained(planned)).toEqual(explained(seen));
      expect(Date.parse(planned.riskAssessment.assessedAt)).toBeLessThanOrEqual(
        Date.parse(seen.riskAssessment.assessedAt),
      );

      // While it is cancelled, its assessment is kept: a release colliding
      // with it then is not counted.
      const { body: cancelled } = await transition(planned, 'cancel');
      const other = await register(71, [LEDGER_SERVICE]);
      expect(explained(await read(release.id))).toEqual(explained(seen));

      // Reopened, it follows its inputs again, the collision included.
      const { body: reopened } = await transition(cancelled, 'reopen');
      expect(reopened.status).toBe('planning');
      expect(reopened.riskAssessment.factors).toContainEqual({
        factor: 'conflicts',
        value: 1,
        points: 5,
        subjects: [other.number],
      });
      expect(Date.parse(reopened.riskAssessment.assessedAt)).toBeGreaterThan(
        Date.parse(seen.riskAssessment.assessedAt),
      );
    });

    it('weighs a blackout near the window and a lead time below the minimum', async () => {
      const soon = DateTime.utc().startOf('hour').plus({ hours: 5 });
      const timed = await startReleaseBackend(knex, {
        config: {
          release: {
            risk: { thresholds: { medium: 5, high: 30 } },
            blackoutWindows: [
              {
                name: 'Ledger freeze',
                start: soon.plus({ hours: 30 }).toISO()!,
                end: soon.plus({ hours: 40 }).toISO()!,
              },
            ],
          },
        },
        entities: await catalog(),
      });
      const { body } = await timed
        .post('/api/release/releases')
        .send({
          title: 'Ledger hotfix',
          type: 'minor',
          impact: 'low',
          urgency: 'low',
          plannedStart: soon.toISO(),
          plannedEnd: soon.plus({ hours: 2 }).toISO(),
        })
        .expect(201);
      // The freeze starts 28 hours after the window: near (48). The window
      // starts in about 5 hours: below the default 24.
      expect(body.riskAssessment.factors).toEqual([
        {
          factor: 'insufficient-lead-time',
          value: expect.any(Number),
          points: 10,
          subjects: ['24'],
        },
        {
          factor: 'blackout-proximity',
          value: 1,
          points: 5,
          subjects: ['Ledger freeze'],
        },
      ]);
      expect(body.riskAssessment.factors[0].value).toBeLessThan(6);
      expect(body.riskAssessment).toMatchObject({
        score: 15,
        suggestedLevel: 'medium',
      });
    });
  },
);
