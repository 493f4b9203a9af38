import { ReleaseOutcome, ReleaseStatus } from '@internal/plugin-release-common';

/**
 * What the figures need of one release, times in epoch milliseconds
 * (read by `MetricsQueries`).
 */
export type ReleaseFact = {
  id: string;
  number: string;
  title: string;
  status: ReleaseStatus;
  outcome: ReleaseOutcome | null;
  emergency: boolean;
  /** Related to an incident. */
  incident: boolean;
  reworkCount: number;
  createdAt: number;
  plannedStart: number | null;
  actualStart: number | null;
  actualEnd: number | null;
  closedAt: number | null;
};

/** When each failed release was recovered, by release id (epoch ms). */
export type Recoveries = Map<string, number>;
