import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ActivityPhase,
  ActivityTemplate,
  derivePriority,
  formatReleaseNumber,
  Level,
  Release,
  ReleaseModel,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { ReleaseRepositories, ReleaseStore } from '../database/ReleaseStore';
import { activitiesFromTemplates } from '../service/activityTemplates';
import { writeExampleApprovalRounds } from './exampleApprovalRounds';
import { generateExampleHistory } from './exampleHistory';
import { reviewedReleaseModel } from './examplePolicies';
import { insertExampleParts } from './insertExampleParts';
import { SeededRandom } from './seededRandom';
import { writeExampleHistory } from './writeExampleHistory';

const DAY = 24 * 3600 * 1000;
const actor = 'user:default/ana.souza';

const planning: ActivityTemplate[] = [
  { title: 'Scope the release' },
  { title: 'Build the release package' },
  { title: 'Test in staging' },
  { title: 'Rollback plan' },
  { title: 'Communication to users' },
];
const deployment: ActivityTemplate[] = [
  { title: 'Deploy' },
  { title: 'Smoke test' },
  { title: 'Verify monitoring' },
  { title: 'Update documentation' },
  { title: 'Early life support' },
];

type Example = {
  title: string;
  status: ReleaseStatus;
  impact: Level;
  urgency: Level;
  daysFromNow: number;
  cis: string[];
  manager: string;
  group: string;
  outcome?: Release['outcome'];
};

const examples: Example[] = [
  {
    title: 'Orders service 2.4: split payments',
    status: 'planning',
    impact: 'high',
    urgency: 'medium',
    daysFromNow: 6,
    cis: ['component:default/orders-service', 'resource:default/orders-db'],
    manager: 'user:default/ana.souza',
    group: 'group:default/storefront-team',
  },
  {
    title: 'Payment gateway 5.1: new acquirer',
    status: 'authorized',
    impact: 'high',
    urgency: 'high',
    daysFromNow: 2,
    cis: ['component:default/payment-gateway'],
    manager: 'user:default/bruno.lima',
    group: 'group:default/payments-team',
  },
  {
    title: 'Kubernetes 1.31 upgrade',
    status: 'registered',
    impact: 'high',
    urgency: 'low',
    daysFromNow: 20,
    cis: ['resource:default/prod-k8s-cluster'],
    manager: 'user:default/guest',
    group: 'group:default/platform-team',
  },
  {
    title: 'Search relevance tuning',
    status: 'deployment',
    impact: 'medium',
    urgency: 'medium',
    daysFromNow: 0,
    cis: ['component:default/search-service'],
    manager: 'user:default/isabel.garcia',
    group: 'group:default/storefront-team',
  },
  {
    title: 'Auth service: token rotation',
    status: 'suspended',
    impact: 'medium',
    urgency: 'high',
    daysFromNow: 9,
    cis: ['component:default/auth-service'],
    manager: 'user:default/guest',
    group: 'group:default/platform-team',
  },
  {
    title: 'Reporting dashboard redesign',
    status: 'closed',
    impact: 'low',
    urgency: 'low',
    daysFromNow: -14,
    cis: ['component:default/reporting-dashboard'],
    manager: 'user:default/ana.souza',
    group: 'group:default/data-team',
    outcome: 'successful',
  },
  {
    title: 'Billing service 3.0',
    status: 'closed',
    impact: 'medium',
    urgency: 'medium',
    daysFromNow: -30,
    cis: ['component:default/billing-service'],
    manager: 'user:default/bruno.lima',
    group: 'group:default/payments-team',
    outcome: 'rolled-back',
  },
];

const pipelinePlanning: ActivityTemplate[] = [
  { title: 'Scope the change' },
  { title: 'Backfill plan' },
  { title: 'Validate on a sample' },
];
const pipelineDeployment: ActivityTemplate[] = [
  { title: 'Deploy' },
  { title: 'Run the backfill' },
  { title: 'Check the reports' },
];

async function createPortfolios(
  tx: ReleaseRepositories,
  now: Date,
  random: SeededRandom,
) {
  const portfolio = {
    id: random.uuid(),
    name: 'Digital commerce',
    description:
      'Releases of the storefront, payments and the platform under them',
    icon: 'shopping_cart',
    ownerGroup: 'group:default/storefront-team',
    authorizerGroup: 'group:default/release-managers',
    approvalPolicy: null,
    emergencyApprovalPolicy: null,
  };
  await tx.portfolios.insert(portfolio, now);
  const model: ReleaseModel = {
    id: random.uuid(),
    portfolioId: portfolio.id,
    name: 'Standard service release',
    description: 'A routine release of one service',
    category: 'software',
    defaultExecutorGroup: 'group:default/platform-team',
    defaultImpact: 'medium',
    defaultUrgency: 'medium',
    lifecycle: 'active',
    planningTemplates: planning,
    deploymentTemplates: deployment,
    approvalPolicy: null,
    emergencyApprovalPolicy: null,
    readiness: [],
    minimumLeadTimeHours: null,
  };
  await tx.portfolios.insertModel(model, now);

  const data = {
    id: random.uuid(),
    name: 'Data and analytics',
    description: 'Releases of the event pipeline, the warehouse and reporting',
    icon: 'insights',
    ownerGroup: 'group:default/data-team',
    authorizerGroup: 'group:default/release-managers',
    approvalPolicy: null,
    emergencyApprovalPolicy: null,
  };
  await tx.portfolios.insert(data, now);
  const pipeline: ReleaseModel = {
    id: random.uuid(),
    portfolioId: data.id,
    name: 'Data pipeline release',
    description: 'A change to a pipeline or a report, with its backfill',
    category: 'software',
    defaultExecutorGroup: 'group:default/data-team',
    defaultImpact: 'medium',
    defaultUrgency: 'low',
    lifecycle: 'active',
    planningTemplates: pipelinePlanning,
    deploymentTemplates: pipelineDeployment,
    approvalPolicy: null,
    emergencyApprovalPolicy: null,
    readiness: [],
    minimumLeadTimeHours: null,
  };
  await tx.portfolios.insertModel(pipeline, now);
  // The model with approval policies (examplePolicies.ts), with ids of its
  // own generator so the other example ids stay as they were.
  const reviewed = reviewedReleaseModel(new SeededRandom(3).uuid(), data.id);
  await tx.portfolios.insertModel(reviewed, now);
  return { commerce: model, data: pipeline, reviewed };
}

/** The catalogue's reasons the example history gives for an action. */
async function reasonsFor(
  tx: ReleaseRepositories,
  action: 'cancel' | 'reopen',
) {
  const all = await tx.justifications.list();
  return all
    .filter(j => j.active && j.appliesTo.includes(action))
    .map(j => j.id);
}

/**
 * Fills an empty release database with two portfolios and their release
 * models, twelve months of finished releases (the example history, so the
 * delivery figures mean something) and a few current releases in different
 * states, so the example portal shows something real on first start. Does
 * nothing once any portfolio or release exists. Everything but `now` is
 * fixed: two first starts on the same day write the same releases.
 * `pastYear: false` leaves the twelve months out, for tests that want only
 * the current releases.
 */
export async function seedExampleData(
  store: ReleaseStore,
  logger: LoggerService,
  options: { now?: Date; pastYear?: boolean } = {},
) {
  const startedAt = Date.now();
  const seeded = await store.transaction(async tx => {
    const existing = await tx.queries.list(
      {
        status: [
          'registered',
          'planning',
          'authorized',
          'deployment',
          'executed',
          'closed',
          'suspended',
          'cancelled',
        ],
        limit: 1,
        offset: 0,
      },
      { kind: 'all' },
    );
    if (existing.totalCount > 0 || (await tx.portfolios.list()).length > 0) {
      return false;
    }
    const now = options.now ?? new Date();
    const random = new SeededRandom(1);
    const models = await createPortfolios(tx, now, random);
    const history =
      options.pastYear === false
        ? []
        : await writeExampleHistory(
            tx,
            generateExampleHistory({
              now,
              models,
              justifications: {
                cancel: await reasonsFor(tx, 'cancel'),
                reopen: await reasonsFor(tx, 'reopen'),
              },
            }),
          );
    const model = models.commerce;
    for (const example of examples) {
      const sequence = await tx.releases.allocateNumber();
      const start = new Date(now.getTime() + example.daysFromNow * DAY);
      start.setUTCHours(9, 0, 0, 0);
      const finished = example.status === 'closed';
      const release: Release = {
        id: random.uuid(),
        number: formatReleaseNumber(sequence),
        title: example.title,
        description: `Example release: ${example.title}.`,
        type: 'minor',
        impact: example.impact,
        urgency: example.urgency,
        priority: derivePriority(example.impact, example.urgency),
        risk: 'medium',
        businessJustification: 'Part of the quarterly roadmap',
        backoutPlan: null,
        testEvidenceUrl: null,
        requester: actor,
        manager: example.manager,
        executorGroup: example.group,
        portfolioId: model.portfolioId,
        modelId: model.id,
        versionLabel: null,
        plannedStart: start.toISOString(),
        plannedEnd: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(),
        actualStart: finished ? start.toISOString() : null,
        actualEnd: finished
          ? new Date(start.getTime() + 3600 * 1000).toISOString()
          : null,
        outcome: example.outcome ?? null,
        closureNotes:
          example.outcome === 'rolled-back'
            ? 'Invoice totals were wrong; rolled back within the window'
            : null,
        status: example.status,
        suspendedFrom: example.status === 'suspended' ? 'planning' : null,
        resumeAt: null,
        reworkCount: 0,
        reopenCount: 0,
        createdBy: actor,
        createdAt: new Date(start.getTime() - 10 * DAY).toISOString(),
        updatedAt: now.toISOString(),
        closedAt: finished
          ? new Date(start.getTime() + DAY).toISOString()
          : null,
        version: 1,
      };
      await tx.releases.insert(release, sequence);
      const planningDone = !['registered', 'planning', 'suspended'].includes(
        example.status,
      );
      const donePhases: ActivityPhase[] = [
        ...(planningDone ? ['planning' as const] : []),
        ...(finished ? ['deployment' as const] : []),
      ];
      await insertExampleParts(tx, random, {
        releaseId: release.id,
        activities: activitiesFromTemplates(release.id, model, now),
        donePhases,
        cis: example.cis,
        by: actor,
        doneAt: now,
        relatedAt: now,
      });
      await tx.history.append({
        releaseId: release.id,
        at: new Date(release.createdAt),
        actor,
        kind: 'created',
        action: 'register',
        fromStatus: null,
        toStatus: example.status,
        changes: {},
        justificationId: null,
        comment: 'Example data',
      });
    }
    const awaiting = await writeExampleApprovalRounds(tx, models.reviewed, now);
    return { history: history.length, awaiting };
  });
  if (seeded !== false) {
    logger.info(
      `Added example release data in ${Date.now() - startedAt} ms: ` +
        `two portfolios, ${seeded.history} releases of the last twelve ` +
        `months and ${examples.length + seeded.awaiting} current ones`,
    );
  }
}
