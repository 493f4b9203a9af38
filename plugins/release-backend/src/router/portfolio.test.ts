import {
  nextWeekWindow,
  ReleaseApi,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'portfolios, models and the portfolio page on %p',
  databaseId => {
    let api: ReleaseApi;

    beforeAll(async () => {
      api = await startReleaseBackend(await databases.init(databaseId));
    });

    async function closeRelease(id: string, outcome: string) {
      let version = 1;
      const act = async (body: object) => {
        const response = await api
          .post(`/api/release/releases/${id}/transitions`)
          .send({ expectedVersion: version, ...body })
          .expect(res => {
            if (res.status !== 200)
              throw new Error(JSON.stringify(res.body.error.message));
          });
        version = response.body.version;
        return response.body;
      };
      await api
        .post(`/api/release/releases/${id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'resource:default/payments-db',
          role: 'updated',
        })
        .expect(201);
      await act({ action: 'plan' });
      const details = (await api.get(`/api/release/releases/${id}`)).body;
      for (const activity of details.activities) {
        if (activity.phase === 'planning') {
          await api
            .patch(`/api/release/releases/${id}/activities/${activity.id}`)
            .send({
              status: 'skipped',
              notes: 'not needed for this test',
              expectedVersion: 1,
            })
            .expect(200);
        }
      }
      await act({ action: 'authorize' });
      await act({ action: 'deploy' });
      for (const activity of details.activities) {
        if (activity.phase === 'deployment') {
          await api
            .patch(`/api/release/releases/${id}/activities/${activity.id}`)
            .send({ status: 'done', expectedVersion: 1 })
            .expect(200);
        }
      }
      await act({ action: 'execute' });
      return act({
        action: 'close',
        outcome,
        closureNotes: 'see the post-mortem',
      });
    }

    it('pre-fills releases from an active model and summarises the portfolio', async () => {
      const portfolio = (
        await api
          .post('/api/release/portfolios')
          .send({
            name: 'Payments platform',
            description: 'Everything that moves money',
            ownerGroup: 'group:default/payments-team',
            authorizerGroup: 'group:default/release-managers',
          })
          .expect(201)
      ).body;
      await api
        .post('/api/release/portfolios')
        .send({ name: 'Payments platform' })
        .expect(409);

      const model = (
        await api
          .post(`/api/release/portfolios/${portfolio.id}/models`)
          .send({
            name: 'Standard service release',
            category: 'software',
            defaultExecutorGroup: 'group:default/payments-team',
            defaultImpact: 'high',
            defaultUrgency: 'low',
            planningTemplates: [{ title: 'Scope' }, { title: 'Rollback plan' }],
            deploymentTemplates: [{ title: 'Deploy' }, { title: 'Smoke test' }],
          })
          .expect(201)
      ).body;
      expect(model.lifecycle).toBe('new');

      const refused = await api
        .post('/api/release/releases')
        .send({
          title: 'Too early',
          type: 'minor',
          portfolioId: portfolio.id,
          modelId: model.id,
        })
        .expect(400);
      expect(refused.body.error.message).toContain('modelId');

      await api
        .patch(`/api/release/portfolios/${portfolio.id}/models/${model.id}`)
        .send({ lifecycle: 'active' })
        .expect(200);
      await api
        .patch(`/api/release/portfolios/${portfolio.id}/models/${model.id}`)
        .send({ lifecycle: 'new' })
        .expect(400);

      const release = (
        await api
          .post('/api/release/releases')
          .send({
            title: 'Billing 5.0',
            type: 'major',
            modelId: model.id,
            businessJustification: 'New invoice layout required by law',
            ...nextWeekWindow(),
          })
          .expect(201)
      ).body;
      expect(release).toMatchObject({
        portfolioId: portfolio.id,
        executorGroup: 'group:default/payments-team',
        impact: 'high',
        urgency: 'low',
        priority: 3,
      });
      expect(
        release.activities.map((a: any) => [a.phase, a.position, a.title]),
      ).toEqual([
        ['planning', 0, 'Scope'],
        ['planning', 1, 'Rollback plan'],
        ['deployment', 0, 'Deploy'],
        ['deployment', 1, 'Smoke test'],
      ]);
      // The answer is built from what was written: it is what a read gives.
      // The same release, its risk assessed again on read (docs/risk.md).
      expect(
        (await api.get(`/api/release/releases/${release.id}`).expect(200)).body,
      ).toEqual({
        ...release,
        riskAssessment: {
          ...release.riskAssessment,
          assessedAt: expect.any(String),
        },
      });

      const other = (
        await api
          .post('/api/release/releases')
          .send({
            title: 'Fraud rules 2',
            type: 'minor',
            modelId: model.id,
            businessJustification: 'Chargebacks are rising',
            ...nextWeekWindow(),
          })
          .expect(201)
      ).body;
      await closeRelease(release.id, 'successful');
      await closeRelease(other.id, 'failed');

      const pending = (
        await api
          .post('/api/release/releases')
          .send({
            title: 'Invoices 3',
            type: 'minor',
            modelId: model.id,
            ...nextWeekWindow(),
          })
          .expect(201)
      ).body;
      await api
        .post(`/api/release/releases/${pending.id}/activities`)
        .send({
          phase: 'planning',
          title: 'Legal review',
          dueAt: '2026-01-05T09:00:00Z',
        })
        .expect(201);

      const summary = (
        await api
          .get(`/api/release/portfolios/${portfolio.id}/summary`)
          .expect(200)
      ).body;
      expect(summary.byStatus).toEqual({ closed: 2, registered: 1 });
      expect(summary.outcomes).toEqual({ successful: 1, failed: 1 });
      expect(summary.successRate).toBe(0.5);
      expect(summary.leadTimeHours).toMatchObject({ count: 2 });
      expect(summary.upcoming.map((r: any) => r.title)).toEqual(['Invoices 3']);
      expect(
        summary.overdueActivities.map((a: any) => [a.title, a.releaseNumber]),
      ).toEqual([['Legal review', pending.number]]);

      const search = (
        await api
          .get(
            `/api/release/search/closed?portfolioId=${portfolio.id}&outcome=failed`,
          )
          .expect(200)
      ).body;
      expect(search.items.map((r: any) => r.title)).toEqual(['Fraud rules 2']);
      expect(search.totalCount).toBe(1);

      for (const q of ['RAUD RUL', 'fr', pending.number.toLowerCase()]) {
        const found = (
          await api
            .get(
              `/api/release/search/closed?includeCancelled=true&q=${encodeURIComponent(
                q,
              )}`,
            )
            .expect(200)
        ).body.items.map((r: any) => r.title);
        expect({ q, found }).toEqual({
          q,
          found: q === pending.number.toLowerCase() ? [] : ['Fraud rules 2'],
        });
      }
      const desktopText = (
        await api
          .get(`/api/release/releases?q=${encodeURIComponent('voices')}`)
          .expect(200)
      ).body.items.map((r: any) => r.title);
      expect(desktopText).toEqual(['Invoices 3']);

      const byCi = (
        await api
          .get(
            '/api/release/search/closed?entityRef=resource:default/payments-db&orderBy=title&order=asc',
          )
          .expect(200)
      ).body;
      expect(byCi.items.map((r: any) => r.title)).toEqual([
        'Billing 5.0',
        'Fraud rules 2',
      ]);

      const csv = await api
        .get(
          `/api/release/search/closed?portfolioId=${portfolio.id}&format=csv&orderBy=title&order=asc`,
        )
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.text.trim().split('\n');
      expect(lines[0]).toMatch(/^Number,Title,Type/);
      expect(lines.slice(1).map(line => line.split(',')[1])).toEqual([
        'Billing 5.0',
        'Fraud rules 2',
      ]);

      // In Portuguese only the header row changes: values stay ISO and codes.
      const csvInPortuguese = await api
        .get(
          `/api/release/search/closed?portfolioId=${portfolio.id}&format=csv&orderBy=title&order=asc&language=pt-BR`,
        )
        .expect(200);
      const portugueseLines = csvInPortuguese.text.trim().split('\n');
      expect(portugueseLines[0]).toBe(
        'Número,Título,Tipo,Prioridade,Situação,Resultado,Solicitante,Gerente,Grupo executor,Portfólio,Início planejado,Fim planejado,Início real,Fim real,Aberta em,Fechada em,Notas de fechamento',
      );
      expect(portugueseLines.slice(1)).toEqual(lines.slice(1));
      const badLanguage = await api
        .get('/api/release/search/closed?format=csv&language=fr')
        .expect(400);
      expect(badLanguage.body.error.message).toContain('language');

      const desktop = (
        await api
          .get(`/api/release/releases?portfolioId=${portfolio.id}`)
          .expect(200)
      ).body;
      expect(desktop.items.map((r: any) => r.title)).toEqual(['Invoices 3']);
      expect(desktop.items[0].currentActivity).toMatchObject({
        title: 'Scope',
        phase: 'planning',
      });
      expect(desktop.items[0].openActivityCount).toBe(5);
      expect(desktop.countsByStatus).toEqual({ closed: 2, registered: 1 });

      const window = nextWeekWindow();
      const calendar = (
        await api
          .get(
            `/api/release/calendar?from=${window.plannedStart}&to=${window.plannedEnd}`,
          )
          .expect(200)
      ).body;
      expect(calendar.items.map((r: any) => r.title)).toContain('Invoices 3');
    });

    it('keeps a justification catalogue whose reasons are deactivated, never deleted', async () => {
      const created = (
        await api
          .post('/api/release/justifications')
          .send({ name: 'Supplier strike', appliesTo: ['suspend', 'cancel'] })
          .expect(201)
      ).body;
      expect(created).toMatchObject({
        active: true,
        appliesTo: ['suspend', 'cancel'],
      });
      await api
        .patch(`/api/release/justifications/${created.id}`)
        .send({ active: false })
        .expect(200);
      const release = (
        await api
          .post('/api/release/releases')
          .send({ title: 'Ledger 2', type: 'minor' })
          .expect(201)
      ).body;
      const refused = await api
        .post(`/api/release/releases/${release.id}/transitions`)
        .send({
          action: 'suspend',
          expectedVersion: 1,
          justificationId: created.id,
        })
        .expect(400);
      expect(refused.body.error.message).toContain('justificationId');
      await api.delete(`/api/release/justifications/${created.id}`).expect(404);
    });
  },
);
