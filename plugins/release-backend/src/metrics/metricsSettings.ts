import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  DELIVERY_LEVELS,
  LEVELLED_FIGURES,
  LevelledFigure,
  RELEASE_OUTCOMES,
  ReleaseOutcome,
} from '@internal/plugin-release-common';

/** The bounds of elite, high and medium; what passes none of them is low. */
export type LevelThresholds = { elite: number; high: number; medium: number };

/** `release.metrics` in app-config (docs/metrics.md#configuration). */
export type MetricsSettings = {
  /** Outcomes that make a closed release a failure. */
  failedOutcomes: ReleaseOutcome[];
  levels: Record<LevelledFigure, LevelThresholds>;
};

/**
 * Defaults from the 2024 DORA report (docs/metrics.md#levels). Frequency is
 * "at least this many releases per week"; the others are "at most".
 */
export const DEFAULT_METRICS_SETTINGS: MetricsSettings = {
  failedOutcomes: ['failed', 'rolled-back'],
  levels: {
    frequency: { elite: 7, high: 1, medium: 0.23 },
    leadTime: { elite: 24, high: 168, medium: 720 },
    changeFailureRate: { elite: 0.05, high: 0.2, medium: 0.3 },
    recoveryTime: { elite: 1, high: 24, medium: 168 },
  },
};

/** Whether a higher value of the figure is the better one. */
export const HIGHER_IS_BETTER: Record<LevelledFigure, boolean> = {
  frequency: true,
  leadTime: false,
  changeFailureRate: false,
  recoveryTime: false,
};

type ConfigSection = ReturnType<RootConfigService['getOptionalConfig']>;

function readThresholds(
  config: ConfigSection,
  figure: LevelledFigure,
): LevelThresholds {
  const defaults = DEFAULT_METRICS_SETTINGS.levels[figure];
  const read = (level: 'elite' | 'high' | 'medium') => {
    const value = config?.getOptionalNumber(level) ?? defaults[level];
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(
        `release.metrics.levels.${figure}.${level} must be a number of at least 0, got ${value}`,
      );
    }
    return value;
  };
  const thresholds = {
    elite: read('elite'),
    high: read('high'),
    medium: read('medium'),
  };
  const [elite, high, medium] = DELIVERY_LEVELS.slice(0, 3).map(
    level => thresholds[level as keyof LevelThresholds],
  );
  const ordered = HIGHER_IS_BETTER[figure]
    ? elite >= high && high >= medium
    : elite <= high && high <= medium;
  if (!ordered) {
    throw new Error(
      `release.metrics.levels.${figure} must get stricter from medium to elite, got ${JSON.stringify(
        thresholds,
      )}`,
    );
  }
  return thresholds;
}

/** Reads `release.metrics`; a wrong value stops the backend at start-up. */
export function readMetricsSettings(
  config: RootConfigService,
): MetricsSettings {
  const failedOutcomes =
    config.getOptionalStringArray('release.metrics.failedOutcomes') ??
    DEFAULT_METRICS_SETTINGS.failedOutcomes;
  for (const outcome of failedOutcomes) {
    if (!(RELEASE_OUTCOMES as readonly string[]).includes(outcome)) {
      throw new Error(
        `release.metrics.failedOutcomes: ${outcome} is not one of ${RELEASE_OUTCOMES.join(
          ', ',
        )}`,
      );
    }
  }
  const levels = config.getOptionalConfig('release.metrics.levels');
  return {
    failedOutcomes: failedOutcomes as ReleaseOutcome[],
    levels: Object.fromEntries(
      LEVELLED_FIGURES.map(figure => [
        figure,
        readThresholds(levels?.getOptionalConfig(figure), figure),
      ]),
    ) as Record<LevelledFigure, LevelThresholds>,
  };
}
