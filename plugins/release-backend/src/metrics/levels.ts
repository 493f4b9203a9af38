import {
  DeliveryFigures,
  DeliveryLevel,
  LevelledFigure,
} from '@internal/plugin-release-common';
import {
  HIGHER_IS_BETTER,
  LevelThresholds,
  MetricsSettings,
} from './metricsSettings';

/** The best level whose threshold the value meets; low when none. */
function levelOf(
  value: number | null,
  thresholds: LevelThresholds,
  higherIsBetter: boolean,
): DeliveryLevel | null {
  if (value === null) return null;
  const meets = (threshold: number) =>
    higherIsBetter ? value >= threshold : value <= threshold;
  if (meets(thresholds.elite)) return 'elite';
  if (meets(thresholds.high)) return 'high';
  if (meets(thresholds.medium)) return 'medium';
  return 'low';
}

/**
 * The headline figures' levels (docs/metrics.md#levels). A scope that
 * executed nothing has no frequency to place.
 */
export function levelsOf(
  figures: DeliveryFigures,
  settings: MetricsSettings,
): Record<LevelledFigure, DeliveryLevel | null> {
  const values: Record<LevelledFigure, number | null> = {
    frequency: figures.executed > 0 ? figures.releasesPerWeek : null,
    leadTime: figures.leadTimeHours.median,
    changeFailureRate: figures.changeFailureRate,
    recoveryTime: figures.recoveryHours.median,
  };
  return Object.fromEntries(
    (Object.keys(values) as LevelledFigure[]).map(figure => [
      figure,
      levelOf(
        values[figure],
        settings.levels[figure],
        HIGHER_IS_BETTER[figure],
      ),
    ]),
  ) as Record<LevelledFigure, DeliveryLevel | null>;
}
