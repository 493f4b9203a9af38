import {
  derivePriority,
  Level,
  Release,
  ReleaseActivity,
  ReleaseModel,
  ReleaseOutcome,
} from '@internal/plugin-release-common';
import { ExampleTeam, partOfImpact, releaseManagers } from './exampleTeams';
import {
  DAY,
  HistoricalRelease,
  HistoryContext,
  HOUR,
  Plan,
} from './releasePlan';
import { ReleaseTimeline } from './releaseTimeline';
import { SeededRandom } from './seededRandom';
import { REGISTERED_STATE } from '../service/registeredState';

const changes = [
  'dependency upgrades',
  'retry and timeout tuning',
  'structured logging',
  'feature flag clean-up',
  'memory leak fix',
  'security patches',
  'configuration for the new region',
  'schema migration',
  'latency metrics',
  'certificate rotation',
  'connection pool sizing',
  'accessibility fixes',
  'faster start-up',
  'batch size tuning',
  'API pagination',
  'cache invalidation fix',
];

const failureNotes: Record<'failed' | 'rolled-back' | 'partial', string[]> = {
  failed: [
    'Smoke tests failed in production; the service stayed degraded',
    'The migration stopped halfway; fixed forward later',
  ],
  'rolled-back': [
    'Error rate doubled after the switch; rolled back within the window',
    'Health checks failed on half the pods; rolled back',
  ],
  partial: [
    'One region kept the old version; finished in a later release',
    'The feature stays behind its flag until the data is migrated',
  ],
};

/** The window's start on the day of `at`, moved off weekends unless urgent. */
function windowStart(at: number, hour: number, urgent: boolean): number {
  const day = new Date(at);
  day.setUTCHours(hour, 0, 0, 0);
  if (!urgent) {
    const weekday = day.getUTCDay();
    if (weekday === 6) return day.getTime() - DAY;
    if (weekday === 0) return day.getTime() - 2 * DAY;
  }
  return day.getTime();
}

/**
 * Writes a plan out as the release people would have made: its window, lead
 * time and actors, and every step of its history in order.
 */
export function releaseFromPlan(
  plan: Plan,
  random: SeededRandom,
  context: HistoryContext,
  versions: Map<string, number>,
  since: number,
): HistoricalRelease {
  const { team } = plan;
  const { profile } = team;
  const model = context.models[team.portfolio];
  const after = plan.recovers?.failure.executedAt;
  if (plan.recovers) {
    plan.end = after! + plan.recovers.hours * HOUR;
  }
  const urgent = plan.type === 'emergency' || after !== undefined;
  const [ci] = plan.cis;
  const member = () => random.pick(team.members);
  const authorizer = () =>
    random.pick(releaseManagers.filter(m => m !== team.manager));

  // The window: urgent releases go as soon as they are ready.
  let duration = random.between(...profile.durationHours) * HOUR;
  let lead: number;
  let actualStart: number;
  let plannedStart: number;
  let registeredAt: number;
  if (urgent) {
    const span =
      after !== undefined ? plan.end - after : random.between(2, 10) * HOUR;
    lead = span * random.between(0.6, 0.9);
    duration = Math.min(duration, 0.3 * lead);
    actualStart = plan.end - duration;
    plannedStart = actualStart - random.between(0, 0.2) * lead;
    registeredAt = plan.end - lead;
  } else {
    plannedStart = windowStart(plan.end, profile.windowHour, false);
    actualStart = plannedStart + random.between(...profile.slipHours) * HOUR;
    lead = random.between(...profile.leadHours) * HOUR;
    registeredAt = Math.max(
      since + random.between(1, 30) * HOUR,
      Math.min(actualStart + duration - lead, plannedStart - 4 * HOUR),
    );
    lead = actualStart + duration - registeredAt;
  }
  const end = actualStart + duration;
  plan.executedAt = end;

  const version = (versions.get(ci.ref) ?? random.integer(1, 4) * 10) + 1;
  versions.set(ci.ref, version);
  const versionLabel = `${Math.floor(version / 10)}.${version % 10}`;
  const name = ci.ref.split('/')[1];
  const title =
    plan.title ??
    (after !== undefined
      ? `${name}: hotfix for ${plan.incident!.key}`
      : `${name}: ${random.pick(changes)}`);
  const impact: Level =
    plan.type === 'major' ? 'high' : random.pick(['low', 'medium', 'medium']);
  const urgency: Level = urgent ? 'high' : random.pick(['low', 'medium']);
  const requester = member();
  const iso = (at: number) => new Date(at).toISOString();
  const id = random.uuid();
  const registered: Release = {
    id,
    number: '',
    title,
    description: `${ci.title} ${versionLabel}: ${title.split(': ')[1]}.`,
    type: plan.type,
    impact,
    urgency,
    priority: derivePriority(impact, urgency),
    risk: plan.type === 'major' ? 'high' : 'medium',
    businessJustification: urgent
      ? 'Restores the service for customers'
      : 'Part of the team roadmap',
    backoutPlan: null,
    testEvidenceUrl: null,
    requester,
    manager: team.manager,
    executorGroup: team.group,
    portfolioId: model.portfolioId,
    modelId: model.id,
    versionLabel,
    plannedStart: iso(plannedStart),
    plannedEnd: iso(plannedStart + profile.windowHours * HOUR),
    ...REGISTERED_STATE,
    createdBy: requester,
    createdAt: iso(registeredAt),
    updatedAt: iso(registeredAt),
  };
  const timeline = new ReleaseTimeline(
    registered,
    activitiesOf(id, model, team.group, registeredAt, random),
  );
  plan.cis.forEach((item, index) =>
    timeline.relate({
      id: random.uuid(),
      kind: 'ci',
      entityRef: item.ref,
      role: 'updated',
      createdBy: requester,
      createdAt: iso(registeredAt + (index + 1) * 1000),
      missingSince: null,
    }),
  );
  if (plan.incident) {
    timeline.relate({
      id: random.uuid(),
      kind: 'incident',
      key: plan.incident.key,
      title: plan.incident.title,
      url: null,
      system: 'Service desk',
      createdBy: requester,
      createdAt: iso(registeredAt + (plan.cis.length + 1) * 1000),
    });
  }

  // Planned once its relations are in, a little after registration.
  const planAt =
    registeredAt +
    Math.max(
      10 * 1000,
      Math.min(0.1 * lead, 0.3 * (plannedStart - registeredAt)),
    );
  timeline.act('plan', new Date(planAt), team.manager);
  if (plan.fate.kind === 'cancelled') {
    const cancelAt = planAt + random.between(0.2, 0.5) * (end - planAt);
    timeline.work('planning', new Date(planAt), new Date(cancelAt), [member()]);
    timeline.act('cancel', new Date(cancelAt), team.manager, {
      justificationId: random.pick(context.justifications.cancel),
      comment: 'Folded into a later release',
    });
    return finish(timeline, plan);
  }

  const { outcome, rework, reopen } = plan.fate;
  const authorizeAt = Math.min(
    planAt + 0.7 * (actualStart - planAt),
    plannedStart - Math.min(10 * 60 * 1000, 0.5 * (plannedStart - planAt)),
  );
  timeline.work(
    'planning',
    new Date(planAt),
    new Date(authorizeAt),
    team.members,
    urgent,
  );
  timeline.act('authorize', new Date(authorizeAt), authorizer());
  const deployer = member();
  timeline.act('deploy', new Date(actualStart), deployer);
  timeline.work('deployment', new Date(actualStart), new Date(end), [
    deployer,
    member(),
  ]);
  timeline.act('execute', new Date(end), deployer);

  if (rework || reopen) {
    // A second cycle: reworked straight after execution, or reopened
    // after closure, then planned, authorized and executed again.
    let at = end + random.between(1, 6) * HOUR;
    if (rework) {
      timeline.act('rework', new Date(at), team.manager, {
        comment: 'Monitoring showed a regression; one more iteration',
      });
    } else {
      timeline.act('close', new Date(at), team.manager, {
        outcome: 'successful',
      });
      at += random.between(1, 4) * DAY;
      timeline.act('reopen', new Date(at), team.manager, {
        justificationId: random.pick(context.justifications.reopen),
        comment: 'Users found a defect the release brought',
      });
    }
    const again = windowStart(
      at + Math.max(DAY, lead / 3),
      profile.windowHour,
      false,
    );
    const againWindow = Math.max(again, at + 2 * HOUR);
    timeline.edit(new Date(at + 30 * 60 * 1000), team.manager, {
      plannedStart: iso(againWindow),
      plannedEnd: iso(againWindow + profile.windowHours * HOUR),
    });
    const reauthorize = at + (againWindow - at) / 2;
    timeline.act('authorize', new Date(reauthorize), authorizer());
    const redeploy = againWindow + random.between(0, 0.5) * HOUR;
    timeline.act('deploy', new Date(redeploy), deployer);
    timeline.act('execute', new Date(redeploy + duration), deployer);
    closeAfter(timeline, redeploy + duration, outcome, random, team, plan);
  } else {
    closeAfter(timeline, end, outcome, random, team, plan);
  }
  return finish(timeline, plan);
}

function closeAfter(
  timeline: ReleaseTimeline,
  executedAt: number,
  outcome: ReleaseOutcome,
  random: SeededRandom,
  team: ExampleTeam,
  plan: Plan,
) {
  const delay =
    team.profile.windowHours <= 1
      ? random.between(0.5, 4)
      : random.between(2, 30);
  timeline.act('close', new Date(executedAt + delay * HOUR), team.manager, {
    outcome,
    closureNotes:
      outcome === 'successful'
        ? undefined
        : plan.notes ?? random.pick(failureNotes[outcome]),
  });
}

function finish(timeline: ReleaseTimeline, plan: Plan): HistoricalRelease {
  const { number: _, ...release } = timeline.release;
  return {
    release,
    activities: timeline.activities,
    relations: timeline.relations,
    history: timeline.history,
    impact: plan.cis.flatMap(partOfImpact).filter(
      // Two CIs of one system reach it once, through the first.
      (entity, index, all) =>
        all.findIndex(other => other.entityRef === entity.entityRef) === index,
    ),
  };
}

/** The model's activities, with ids of the seeded generator. */
function activitiesOf(
  releaseId: string,
  model: ReleaseModel,
  group: string,
  at: number,
  random: SeededRandom,
): ReleaseActivity[] {
  const created = new Date(at).toISOString();
  return (['planning', 'deployment'] as const).flatMap(phase =>
    (phase === 'planning'
      ? model.planningTemplates
      : model.deploymentTemplates
    ).map((template, position) => ({
      id: random.uuid(),
      releaseId,
      phase,
      position,
      title: template.title,
      description: template.description ?? '',
      assignee: null,
      group,
      dueAt: null,
      status: 'pending' as const,
      notes: null,
      completedBy: null,
      completedAt: null,
      createdAt: created,
      updatedAt: created,
      version: 1,
    })),
  );
}
