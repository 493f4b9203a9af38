import { ReleaseOutcome } from '@internal/plugin-release-common';
import {
  ExampleCi,
  ExampleTeam,
  exampleTeams,
  unrecoveredFailures,
} from './exampleTeams';
import { releaseFromPlan } from './releaseFromPlan';
import {
  DAY,
  HistoricalRelease,
  HistoryContext,
  HOUR,
  Plan,
} from './releasePlan';
import { SeededRandom } from './seededRandom';

export type { HistoricalRelease, HistoryContext } from './releasePlan';

/** The history covers the twelve months before the first start. */
const YEAR_DAYS = 365;
/** Nothing of the history happens in the last days before the first start. */
const QUIET_DAYS = 2;
const SEED = 20261202;

const incidentTitles = [
  'Error rate above threshold',
  'Requests timing out',
  'Customers report failed requests',
  'Alerts on saturation',
  'Data missing from the morning report',
];

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
      releaseFromPlan(
        plan,
        random,
        context,
        versions,
        anchor - YEAR_DAYS * DAY,
      ),
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
