import {
  BlackoutWindow,
  checkReadiness,
  DefinitiveMediaItem,
  Release,
  ReleaseActivity,
  ReleaseRelation,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import { DateTime } from 'luxon';
import { blackoutHits } from '../blackouts/blackoutWindows';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { countsAsFailure } from '../metrics/figures';
import { MetricsSettings } from '../metrics/metricsSettings';
import { RiskInputs } from './assessRisk';
import { RiskSettings } from './riskSettings';

/** What the inputs are read with besides the database. */
export type RiskSources = {
  settings: RiskSettings;
  blackoutWindows: BlackoutWindow[];
  metrics: MetricsSettings;
};

const HOUR = 3600_000;

/** The release's parts, when the caller is reading them already. */
export type RiskParts = {
  activities: ReleaseActivity[];
  relations: ReleaseRelation[];
  media: DefinitiveMediaItem[];
};

/** Until authorization the assessment follows its inputs; then it is kept. */
const ASSESSED_STATUSES: readonly ReleaseStatus[] = [
  'registered',
  'planning',
  'awaiting-approval',
];

/** Whether the release's assessment still follows its inputs (docs/risk.md#recomputation). */
export function isAssessedLive(
  release: Pick<Release, 'status' | 'suspendedFrom'>,
): boolean {
  const status =
    release.status === 'suspended' ? release.suspendedFrom : release.status;
  return status !== null && ASSESSED_STATUSES.includes(status);
}

function readParts(
  repositories: ReleaseRepositories,
  releaseId: string,
): Promise<RiskParts> {
  return Promise.all([
    repositories.activities.listForRelease(releaseId),
    repositories.relations.listForRelease(releaseId),
    repositories.relations.listMedia(releaseId),
  ]).then(([activities, relations, media]) => ({
    activities,
    relations,
    media,
  }));
}

/** The blackouts the window meets, and those starting or ending near it. */
function blackoutsAround(
  release: Release,
  touched: Array<{ entityRef: string; tags: string[] }>,
  sources: RiskSources,
): RiskInputs['blackouts'] {
  if (!release.plannedStart || !release.plannedEnd) {
    return { meeting: [], near: [] };
  }
  const start = Date.parse(release.plannedStart);
  const end = Date.parse(release.plannedEnd);
  const margin = sources.settings.blackoutProximityHours * HOUR;
  const hits = (from: number, to: number) =>
    blackoutHits(
      sources.blackoutWindows,
      { start: new Date(from), end: new Date(to) },
      touched,
    );
  const meeting = hits(start, end);
  // An occurrence is its window's name and start: a weekly window may be
  // near twice.
  const met = new Set(meeting.map(hit => `${hit.name}@${hit.start}`));
  const near = hits(start - margin, end + margin).filter(
    hit => !met.has(`${hit.name}@${hit.start}`),
  );
  return {
    meeting: meeting.map(hit => hit.name),
    near: near.map(hit => hit.name),
  };
}

/**
 * Reads what the release's risk is assessed on (docs/risk.md#factors):
 * its impact index, conflicts, blackouts, model, parts and the releases
 * recently closed on its CIs, side by side.
 */
export async function gatherRiskInputs(
  repositories: ReleaseRepositories,
  release: Release,
  sources: RiskSources,
  now: Date,
  parts: Promise<RiskParts> = readParts(repositories, release.id),
): Promise<RiskInputs> {
  const { settings } = sources;
  const window =
    release.plannedStart && release.plannedEnd
      ? {
          releaseId: release.id,
          start: new Date(release.plannedStart),
          end: new Date(release.plannedEnd),
        }
      : undefined;
  const since = DateTime.fromJSDate(now)
    .minus({ days: settings.failureRateDays })
    .toJSDate();
  // Read as soon as the CIs are known, beside the other inputs.
  const closedOnCis = parts.then(({ relations }) =>
    repositories.metrics.closedOnCis(
      release.id,
      relations.flatMap(r => (r.kind === 'ci' ? [r.entityRef] : [])),
      since,
    ),
  );
  const [
    entities,
    conflictRows,
    model,
    { activities, relations, media },
    recent,
  ] = await Promise.all([
    repositories.impact.listForRelease(release.id),
    window
      ? repositories.impact.conflicts({
          windows: [window],
          visibility: { kind: 'all' },
        })
      : [],
    release.modelId
      ? repositories.portfolios.getModel(release.modelId)
      : undefined,
    parts,
    closedOnCis,
  ]);

  const readiness = checkReadiness(model?.readiness ?? [], {
    backoutPlan: release.backoutPlan,
    testEvidenceUrl: release.testEvidenceUrl,
    activities,
    mediaCount: media.length,
    externalRelationKinds: relations.flatMap(r =>
      r.kind === 'ci' ? [] : [r.kind],
    ),
  });

  return {
    entities,
    conflicts: [...new Set(conflictRows.map(row => row.other.number))],
    blackouts: blackoutsAround(release, entities, sources),
    // Lead time matters until authorization; measured later it says nothing.
    leadTimeHours:
      release.plannedStart && isAssessedLive(release)
        ? (Date.parse(release.plannedStart) - now.getTime()) / HOUR
        : null,
    minimumLeadTimeHours:
      model?.minimumLeadTimeHours ?? settings.minimumLeadTimeHours,
    recentReleases: {
      closed: recent.length,
      failed: recent
        .filter(fact => countsAsFailure(fact, sources.metrics))
        .map(fact => fact.number),
    },
    priority: release.priority,
    type: release.type,
    missingReadiness: readiness
      .filter(check => !check.present)
      .map(check => check.item),
  };
}
