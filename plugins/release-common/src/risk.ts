/**
 * The explained risk assessment (docs/risk.md): a score made of
 * named factors, each with its contribution, and the level it suggests.
 */
import type { Level } from './types';

/** @public */
export const RISK_FACTORS = [
  'impacted-entities',
  'production-entities',
  'critical-entities',
  'conflicts',
  'blackout-proximity',
  'insufficient-lead-time',
  'failure-rate',
  'priority',
  'type',
  'missing-readiness',
] as const;
/** @public */
export type RiskFactorName = (typeof RISK_FACTORS)[number];

/**
 * One factor: what was measured (`value`, in the factor's unit: a count,
 * hours, a rate 0–1, the priority 1–5) and the points it adds to the score.
 *
 * @public
 */
export type RiskFactor = {
  factor: RiskFactorName;
  value: number;
  points: number;
  /** Entity refs, release numbers or blackout names behind the value. */
  subjects: string[];
};

/** @public */
export type RiskAssessment = {
  /** The sum of the factors' points. */
  score: number;
  /** The level the score reaches with the configured thresholds. */
  suggestedLevel: Level;
  /** The release's `risk` now: the suggestion, or a manager's level. */
  level: Level;
  /** Set when a manager chose another level than the suggestion. */
  override: {
    level: Level;
    justification: string;
    by: string;
    at: string;
  } | null;
  /** Only factors that add points, largest first. */
  factors: RiskFactor[];
  assessedAt: string;
};
