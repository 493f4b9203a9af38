import {
  derivePriority,
  formatReleaseNumber,
  Level,
  Release,
  ReleaseModel,
} from '@internal/plugin-release-common';
import { StoredStep } from '../database/ApprovalRepository';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { activitiesFromTemplates } from '../service/activityTemplates';
import {
  BOARD_STEP,
  CHANGE_ADVISORY_BOARD,
  OWNERS_STEP,
} from './examplePolicies';
import { insertExampleParts } from './insertExampleParts';
import { SeededRandom } from './seededRandom';

const DAY = 24 * 3600 * 1000;
const exampleDeployment = [{ title: 'Deploy' }, { title: 'Check the reports' }];

/**
 * A release of the reviewed model waiting on its owners' step. The
 * approvers are what the policy resolves to over the example catalog
 * (the owners of the touched components, their systems and their direct
 * dependants), written as a round would have left them.
 */
type AwaitingExample = {
  title: string;
  risk: Level;
  impact: Level;
  urgency: Level;
  daysFromNow: number;
  manager: string;
  cis: string[];
  owners: string[];
  /** A decision already given on the owners' step. */
  approvedBy?: { user: string; onBehalfOf: string; comment: string };
};

export const awaitingExamples: AwaitingExample[] = [
  {
    title: 'Reporting service 4.2: regional sales report',
    risk: 'medium',
    impact: 'medium',
    urgency: 'low',
    daysFromNow: 12,
    manager: 'user:default/kiara.nair',
    cis: ['component:default/reporting-service'],
    owners: ['group:default/data-team'],
  },
  {
    title: 'Reporting dashboard: shared links through the API gateway',
    risk: 'high',
    impact: 'high',
    urgency: 'medium',
    daysFromNow: 16,
    manager: 'user:default/jonas.weber',
    cis: [
      'component:default/reporting-dashboard',
      'component:default/api-gateway',
    ],
    // The dashboard's system, the gateway's system, and the storefront
    // front ends that depend on the gateway.
    owners: [
      'group:default/data-team',
      'group:default/platform-team',
      'group:default/storefront-team',
    ],
    approvedBy: {
      user: 'user:default/kiara.nair',
      onBehalfOf: 'group:default/data-team',
      comment: 'The dashboard side is tested on staging',
    },
  },
];

function roundSteps(example: AwaitingExample): StoredStep[] {
  const boardApplies = example.risk === 'high';
  return [
    {
      position: 1,
      name: OWNERS_STEP,
      quorum: 'all',
      approvers: example.owners,
      fallbackReason: null,
      status: 'current',
      notRequiredBecause: null,
    },
    {
      position: 2,
      name: BOARD_STEP,
      quorum: 1,
      approvers: [CHANGE_ADVISORY_BOARD],
      fallbackReason: null,
      status: boardApplies ? 'waiting' : 'not-required',
      notRequiredBecause: boardApplies
        ? null
        : `risk is ${example.risk}, below high`,
    },
  ];
}

/**
 * Writes the releases of {@link awaitingExamples}: registered and planned
 * with a deployment plan and a backout plan (what the model's readiness
 * asks for), authorization requested by their manager, so the desktop's
 * "awaiting my approval" lists them for the owner teams out of the box.
 */
export async function writeExampleApprovalRounds(
  tx: ReleaseRepositories,
  model: ReleaseModel,
  now: Date,
): Promise<number> {
  // A generator of its own, so the rest of the example data stays the same.
  const random = new SeededRandom(2);
  for (const example of awaitingExamples) {
    const sequence = await tx.releases.allocateNumber();
    const start = new Date(now.getTime() + example.daysFromNow * DAY);
    start.setUTCHours(9, 0, 0, 0);
    const registeredAt = new Date(now.getTime() - 6 * DAY);
    const plannedAt = new Date(now.getTime() - 5 * DAY);
    const requestedAt = new Date(now.getTime() - 2 * DAY);
    const release: Release = {
      id: random.uuid(),
      number: formatReleaseNumber(sequence),
      title: example.title,
      description: `Example release: ${example.title}.`,
      type: 'minor',
      impact: example.impact,
      urgency: example.urgency,
      priority: derivePriority(example.impact, example.urgency),
      risk: example.risk,
      businessJustification: 'Asked for by the sales managers',
      backoutPlan:
        'Redeploy the previous version from the registry; no data to undo',
      testEvidenceUrl: null,
      requester: example.manager,
      manager: example.manager,
      executorGroup: model.defaultExecutorGroup,
      portfolioId: model.portfolioId,
      modelId: model.id,
      versionLabel: null,
      plannedStart: start.toISOString(),
      plannedEnd: new Date(start.getTime() + 2 * 3600 * 1000).toISOString(),
      actualStart: null,
      actualEnd: null,
      outcome: null,
      closureNotes: null,
      status: 'awaiting-approval',
      suspendedFrom: null,
      resumeAt: null,
      reworkCount: 0,
      reopenCount: 0,
      createdBy: example.manager,
      createdAt: registeredAt.toISOString(),
      updatedAt: requestedAt.toISOString(),
      closedAt: null,
      version: 3,
    };
    await tx.releases.insert(release, sequence);

    // The model's planning, done; the deployment the readiness asks for.
    await insertExampleParts(tx, random, {
      releaseId: release.id,
      activities: activitiesFromTemplates(
        release.id,
        { ...model, deploymentTemplates: exampleDeployment },
        registeredAt,
      ),
      donePhases: ['planning'],
      cis: example.cis,
      by: example.manager,
      doneAt: plannedAt,
      relatedAt: registeredAt,
    });

    const history = [
      {
        at: registeredAt,
        kind: 'created',
        action: 'register',
        from: null,
        to: 'registered',
      },
      {
        at: plannedAt,
        kind: 'transition',
        action: 'plan',
        from: 'registered',
        to: 'planning',
      },
      {
        at: requestedAt,
        kind: 'transition',
        action: 'request-authorization',
        from: 'planning',
        to: 'awaiting-approval',
      },
    ] as const;
    for (const entry of history) {
      await tx.history.append({
        releaseId: release.id,
        at: entry.at,
        actor: example.manager,
        kind: entry.kind,
        action: entry.action,
        fromStatus: entry.from,
        toStatus: entry.to,
        changes: {},
        justificationId: null,
        comment: entry.kind === 'created' ? 'Example data' : null,
      });
    }

    await tx.approvals.writeRound(release.id, {
      round: 1,
      status: 'awaiting',
      currentStep: 1,
      requestedBy: example.manager,
      requestedAt: requestedAt.toISOString(),
      steps: roundSteps(example),
    });
    if (example.approvedBy) {
      await tx.approvals.insertDecision(release.id, {
        id: random.uuid(),
        round: 1,
        step: 1,
        approver: example.approvedBy.user,
        onBehalfOf: [example.approvedBy.onBehalfOf],
        decision: 'approved',
        comment: example.approvedBy.comment,
        decidedAt: new Date(now.getTime() - DAY),
      });
    }
  }
  return awaitingExamples.length;
}
