import {
  Level,
  Priority,
  ReadinessItem,
  ReleaseType,
  RISK_FACTORS,
  RiskFactor,
  RiskFactorName,
} from '@internal/plugin-release-common';
import { CountWeight, RiskSettings } from './riskSettings';

/** Subjects kept per factor: enough to explain it, small enough to store. */
export const MAX_SUBJECTS = 20;

/** An entity of the release's impact index, nearest first. */
export type RiskEntity = {
  entityRef: string;
  tags: string[];
  lifecycle: string | null;
};

/** What the assessment is computed from (gathered by `gatherRiskInputs`). */
export type RiskInputs = {
  entities: RiskEntity[];
  /** Numbers of the open releases in conflict with this one. */
  conflicts: string[];
  /** Names of the blackouts the window meets, and of those only near it. */
  blackouts: { meeting: string[]; near: string[] };
  /** Hours from now to the planned start; null without a planned start. */
  leadTimeHours: number | null;
  minimumLeadTimeHours: number;
  /** Releases closed on the same CIs in the look-back, and the failed ones. */
  recentReleases: { closed: number; failed: string[] };
  priority: Priority;
  type: ReleaseType;
  missingReadiness: ReadinessItem[];
};

/** The computed part of a `RiskAssessment`. */
export type ComputedRisk = {
  score: number;
  suggestedLevel: Level;
  /** Only factors that add points, largest first. */
  factors: RiskFactor[];
};

function counted(
  factor: RiskFactorName,
  subjects: string[],
  weight: CountWeight,
): RiskFactor {
  return {
    factor,
    value: subjects.length,
    points: Math.min(subjects.length * weight.each, weight.max),
    subjects: subjects.slice(0, MAX_SUBJECTS),
  };
}

/**
 * Every factor of the assessment with its measure and its points
 * (docs/risk.md#factors).
 */
export function riskFactors(
  inputs: RiskInputs,
  settings: RiskSettings,
): RiskFactor[] {
  const { weights } = settings;
  const refs = (entities: RiskEntity[]) => entities.map(e => e.entityRef);
  const { closed, failed } = inputs.recentReleases;
  const failureRate = closed > 0 ? failed.length / closed : 0;
  const shortLead =
    inputs.leadTimeHours !== null &&
    inputs.leadTimeHours < inputs.minimumLeadTimeHours;
  const blackouts = [...inputs.blackouts.meeting, ...inputs.blackouts.near];

  return [
    counted(
      'impacted-entities',
      refs(inputs.entities),
      weights.impactedEntities,
    ),
    counted(
      'production-entities',
      refs(inputs.entities.filter(e => e.lifecycle === 'production')),
      weights.productionEntities,
    ),
    counted(
      'critical-entities',
      refs(inputs.entities.filter(e => e.tags.includes(settings.criticalTag))),
      weights.criticalEntities,
    ),
    counted('conflicts', inputs.conflicts, weights.conflicts),
    {
      factor: 'blackout-proximity',
      value: blackouts.length,
      points:
        inputs.blackouts.meeting.length * weights.blackouts.meeting +
        inputs.blackouts.near.length * weights.blackouts.near,
      subjects: blackouts.slice(0, MAX_SUBJECTS),
    },
    {
      factor: 'insufficient-lead-time',
      // Whole hours: the measure moves with the clock, its points do not.
      value: Math.max(0, Math.floor(inputs.leadTimeHours ?? 0)),
      points: shortLead ? weights.insufficientLeadTime : 0,
      subjects: shortLead ? [`${inputs.minimumLeadTimeHours}`] : [],
    },
    {
      factor: 'failure-rate',
      value: Math.round(failureRate * 1000) / 1000,
      points: Math.round(failureRate * weights.failureRate),
      subjects: failed.slice(0, MAX_SUBJECTS),
    },
    {
      factor: 'priority',
      value: inputs.priority,
      points: weights.priority[inputs.priority - 1],
      subjects: [],
    },
    {
      factor: 'type',
      value: 1,
      points: weights.type[inputs.type],
      subjects: [inputs.type],
    },
    counted(
      'missing-readiness',
      inputs.missingReadiness,
      weights.missingReadiness,
    ),
  ];
}

/** The level a score reaches with the configured thresholds. */
export function levelOf(score: number, settings: RiskSettings): Level {
  if (score >= settings.thresholds.high) return 'high';
  if (score >= settings.thresholds.medium) return 'medium';
  return 'low';
}

/** The score, the level it suggests and the factors that add to it. */
export function assessRisk(
  inputs: RiskInputs,
  settings: RiskSettings,
): ComputedRisk {
  const all = riskFactors(inputs, settings);
  const score = all.reduce((sum, factor) => sum + factor.points, 0);
  const factors = all
    .filter(factor => factor.points > 0)
    .sort(
      (a, b) =>
        b.points - a.points ||
        RISK_FACTORS.indexOf(a.factor) - RISK_FACTORS.indexOf(b.factor),
    );
  return { score, suggestedLevel: levelOf(score, settings), factors };
}
