import {
  derivePriority,
  ImpactedEntity,
  Level,
  Release,
  ReleaseActivity,
  ReleaseModel,
  ReleaseOutcome,
  ReleaseType,
} from '@internal/plugin-release-common';
import {
  ExampleCi,
  ExampleTeam,
  exampleTeams,
  partOfImpact,
  releaseManagers,
  unrecoveredFailures,
} from './exampleTeams';
import { ReleaseTimeline } from './releaseTimeline';
import { SeededRandom } from './seededRandom';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** The history covers the twelve months before the first start. */
const YEAR_DAYS = 365;
/** Nothing of the history happens in the last days before the first start. */
const QUIET_DAYS = 2;
const SEED = 20261202;

/** A release of the example history, with everything written with it. */
export type HistoricalRelease = {
  /** Without its number: the store allocates that when it is written. */
  release: Omit<Release, 'number'>;
  activities: ReleaseActivity[];
  relations: ReleaseTimeline['relations'];
  history: ReleaseTimeline['history'];
  impact: ImpactedEntity[];
};

/** What the history refers to in the database. */
export type HistoryContext = {
  /** The first start: the history ends just before it. */
  now: Date;
  models: Record<ExampleTeam['portfolio'], ReleaseModel>;
  justifications: { cancel: string[]; reopen: string[] };
};

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

const incidentTitles = [
  'Error rate above threshold',
  'Requests timing out',
  'Customers report failed requests',
  'Alerts on saturation',
  'Data missing from the morning report',
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

type Plan = {
  team: ExampleTeam;
  cis: ExampleCi[];
  /** When its (last) execution ends. */
  end: number;
  type: ReleaseType;
  fate:
    | {
        kind: 'closed';
        outcome: ReleaseOutcome;
        rework: boolean;
        reopen: boolean;
      }
    | { kind: 'cancelled' };
  incident?: { key: string; title: string };
  /** For a fix: the failure it recovers, and how long after it. */
  recovers?: { failure: Plan; hours: number };
  /** When its execution ended, once written. */
  executedAt?: number;
  title?: string;
  notes?: string;
};

/** Generates the example history: the same releases for the same day. */
export function generateExampleHistory(
  context: HistoryContext,
): HistoricalRelease[] {
  const random = new SeededRandom(SEED);
  const anchor = Date.UTC(
    context.now.getUTCFullYear(),
    context.now.getUTCMonth(),
    context.now.getUTCDate(),
  );
  const last = anchor - QUIET_DAYS * DAY;
  const reserved = unrecoveredFailures.map(failure => ({
    ...failure,
    end: anchor - failure.daysAgo * DAY + 23 * HOUR,
  }));
  // The CIs of a recent failure are left alone after it, so it stays open.
  const free = (ci: ExampleCi, end: number) =>
    !reserved.some(r => r.ci === ci.ref && end >= r.end - 3 * DAY);

  let incidents = 0;
  const incident = () => {
    incidents += 1;
    return {
      key: `INC-${4000 + incidents * 37 + random.integer(0, 30)}`,
      title: random.pick(incidentTitles),
    };
  };

  const plans: Plan[] = [];
  for (const team of exampleTeams) {
    const { profile } = team;
    const interval = ((YEAR_DAYS - QUIET_DAYS - 5) * DAY) / profile.releases;
    const first = anchor - YEAR_DAYS * DAY;
    const fates = dealFates(profile, random);
    for (let i = 0; i < profile.releases; i++) {
      const fate = fates[i];
      // Days into the year, so even a long lead time starts within it.
      const end = Math.min(
        Math.max(
          first + (i + 0.5 + random.between(-0.4, 0.4)) * interval,
          first + 4 * DAY,
        ),
        last,
      );
      const candidates = team.cis.filter(ci => free(ci, end));
      const ci = random.pick(candidates.length ? candidates : team.cis);
      const cis = [ci];
      if (random.chance(0.15)) {
        const second = random.pick(
          candidates.filter(c => c.system === ci.system && c !== ci),
        );
        if (second) cis.push(second);
      }
      if (fate === 'cancelled') {
        plans.push({
          team,
          cis,
          end,
          type: 'minor',
          fate: { kind: 'cancelled' },
        });
        continue;
      }
      const emergency = fate === 'emergency';
      let outcome: ReleaseOutcome = 'successful';
      if (fate === 'failure') {
        outcome = random.chance(0.5) ? 'failed' : 'rolled-back';
      } else if (fate === 'partial') {
        outcome = 'partial';
      }
      // A second cycle needs time before the first start.
      const secondCycle = end < last - 30 * DAY;
      const plan: Plan = {
        team,
        cis,
        end,
        type: emergency
          ? 'emergency'
          : random.pick(['minor', 'minor', 'major']),
        fate: {
          kind: 'closed',
          outcome,
          rework: fate === 'rework' && secondCycle,
          reopen: fate === 'reopen' && secondCycle,
        },
        incident:
          emergency || random.chance(profile.incidentShare)
            ? incident()
            : undefined,
      };
      plans.push(plan);
      if (outcome === 'failed' || outcome === 'rolled-back') {
        const hours = random.between(...profile.recoveryHours);
        // The window may still move the failure by up to a day.
        const fixEnd = end + DAY + hours * HOUR;
        if (fixEnd > last || !cis.every(c => free(c, fixEnd))) {
          plan.fate = {
            kind: 'closed',
            outcome: 'successful',
            rework: false,
            reopen: false,
          };
        } else {
          plans.push({
            team,
            cis: [ci],
            end: fixEnd,
            type: profile.emergencyFixes ? 'emergency' : 'minor',
            fate: {
              kind: 'closed',
              outcome: 'successful',
              rework: false,
              reopen: false,
            },
            incident: incident(),
            recovers: { failure: plan, hours },
          });
        }
      }
    }
  }
  for (const failure of reserved) {
    const team = exampleTeams.find(t => t.group === failure.group)!;
    plans.push({
      team,
      cis: team.cis.filter(ci => ci.ref === failure.ci),
      end: failure.end,
      type: 'major',
      fate: {
        kind: 'closed',
        outcome: failure.outcome,
        rework: false,
        reopen: false,
      },
      title: failure.title,
      notes: failure.notes,
    });
  }

  const versions = new Map<string, number>();
  return plans
    .map(plan =>
      write(plan, random, context, versions, anchor - YEAR_DAYS * DAY),
    )
    .sort(
      (a, b) =>
        Date.parse(a.release.createdAt) - Date.parse(b.release.createdAt),
    );
}

type Fate =
  | 'plain'
  | 'cancelled'
  | 'emergency'
  | 'failure'
  | 'partial'
  | 'rework'
  | 'reopen';

/**
 * What becomes of each of a team's planned releases: dealt from a shuffled
 * deck, so every team gets its shares exactly and lands on its level.
 */
function dealFates(
  profile: ExampleTeam['profile'],
  random: SeededRandom,
): Fate[] {
  const count = (share: number) => Math.round(profile.releases * share);
  const deck: Fate[] = [
    ...Array<Fate>(count(0.04)).fill('cancelled'),
    ...Array<Fate>(count(profile.emergencyShare)).fill('emergency'),
    ...Array<Fate>(count(profile.failureShare)).fill('failure'),
    ...Array<Fate>(count(profile.partialShare)).fill('partial'),
    ...Array<Fate>(count(profile.reworkShare)).fill('rework'),
    ...Array<Fate>(Math.max(1, count(0.03))).fill('reopen'),
  ];
  while (deck.length < profile.releases) deck.push('plain');
  for (let i = deck.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [deck[i], deck[j]] = [deck[j], deck[i]];
  }
  return deck;
}

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

function write(
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
    requester,
    manager: team.manager,
    executorGroup: team.group,
    portfolioId: model.portfolioId,
    modelId: model.id,
    versionLabel,
    plannedStart: iso(plannedStart),
    plannedEnd: iso(plannedStart + profile.windowHours * HOUR),
    actualStart: null,
    actualEnd: null,
    outcome: null,
    closureNotes: null,
    status: 'registered',
    suspendedFrom: null,
    resumeAt: null,
    reworkCount: 0,
    reopenCount: 0,
    createdBy: requester,
    createdAt: iso(registeredAt),
    updatedAt: iso(registeredAt),
    closedAt: null,
    version: 1,
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
