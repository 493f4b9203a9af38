import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  approvalPolicySchema,
  checkReadiness,
  DEFAULT_IMPACT_RELATIONS,
  releaseModelSchema,
} from '@internal/plugin-release-common';
import { loadExampleCatalog } from '../__testUtils__/exampleCatalog';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { catalogNodeReader } from '../impact/catalogNodes';
import { walkImpact } from '../impact/walkImpact';
import { awaitingExamples } from './exampleApprovalRounds';
import {
  emergencyReleasePolicy,
  reviewedReleaseModel,
  reviewedReleasePolicy,
} from './examplePolicies';
import { seedExampleData } from './seedExampleData';

jest.setTimeout(120_000);

describe('the example approval policies', () => {
  it('are policies and a model the API would accept', () => {
    expect(approvalPolicySchema.safeParse(reviewedReleasePolicy).success).toBe(
      true,
    );
    expect(approvalPolicySchema.safeParse(emergencyReleasePolicy).success).toBe(
      true,
    );
    const { id, portfolioId, ...model } = reviewedReleaseModel('m', 'p');
    expect(releaseModelSchema.safeParse(model).error).toBeUndefined();
  });

  it("name as each example's owners what the owners' step resolves to over the example catalog", async () => {
    const entities = await loadExampleCatalog();
    const [source] = reviewedReleasePolicy.steps[0].approvers;
    if (source.kind !== 'impacted-owners') throw new Error(source.kind);
    for (const example of awaitingExamples) {
      const impact = await walkImpact({
        cis: example.cis,
        depth: source.maxDistance,
        relations: DEFAULT_IMPACT_RELATIONS,
        read: catalogNodeReader(
          catalogServiceMock({ entities }),
          mockCredentials.user(),
        ),
      });
      const owners = impact.entities
        .filter(entity => source.entityKinds.some(kind => kind === entity.kind))
        .map(entity => entity.owner);
      expect([...new Set(owners)].sort()).toEqual([...example.owners].sort());
    }
  });
});

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'example approval rounds on %p',
  databaseId => {
    it('leave releases awaiting their owners, ready, with the round the desktop filters on', async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations({ getClient: async () => knex }, knex);
      const store = DatabaseReleaseStore.fromClient(knex);
      await seedExampleData(store, mockServices.logger.mock(), {
        pastYear: false,
      });

      const data = (await store.portfolios.list()).find(
        p => p.name === 'Data and analytics',
      );
      const model = (await store.portfolios.listModels(data!.id)).find(
        m => m.name === 'Reviewed analytics release',
      );
      expect(model?.approvalPolicy).toEqual(reviewedReleasePolicy);
      expect(model?.emergencyApprovalPolicy).toEqual(emergencyReleasePolicy);
      expect(model?.readiness).toEqual([
        'deployment-activities',
        'backout-plan',
      ]);

      const rows = await knex('releases')
        .where({ status: 'awaiting-approval' })
        .orderBy('number');
      expect(rows.map(row => row.title)).toEqual(
        awaitingExamples.map(example => example.title),
      );
      for (const [index, row] of rows.entries()) {
        const example = awaitingExamples[index];
        expect(row).toMatchObject({
          model_id: model!.id,
          approval_status: 'awaiting',
          approval_requested_by: example.manager,
        });
        expect(Number(row.approval_round)).toBe(1);
        expect(Number(row.approval_step)).toBe(1);
        const steps = JSON.parse(row.approval_steps);
        expect(steps.map((s: any) => [s.name, s.status])).toEqual([
          ['Owners of impacted systems', 'current'],
          [
            'Change advisory board',
            example.risk === 'high' ? 'waiting' : 'not-required',
          ],
        ]);
        const approvers = await knex('release_step_approvers')
          .where({ release_id: row.id })
          .orderBy('approver_ref');
        expect(approvers.map(a => a.approver_ref)).toEqual(
          [...example.owners].sort(),
        );

        const activities = await store.activities.listForRelease(row.id);
        expect(
          checkReadiness(model!.readiness, {
            backoutPlan: row.backout_plan,
            testEvidenceUrl: row.test_evidence_url,
            activities,
            mediaCount: 0,
            externalRelationKinds: [],
          }).every(check => check.present),
        ).toBe(true);

        const history = await store.history.listForRelease(row.id);
        expect(history.map(entry => entry.action)).toEqual(
          expect.arrayContaining(['register', 'plan', 'request-authorization']),
        );
      }

      const decisions = await knex('release_approvals');
      expect(decisions).toHaveLength(1);
      expect(decisions[0]).toMatchObject({
        release_id: rows[1].id,
        approver: 'user:default/kiara.nair',
        decision: 'approved',
        on_behalf_of: JSON.stringify(['group:default/data-team']),
      });
    });
  },
);
