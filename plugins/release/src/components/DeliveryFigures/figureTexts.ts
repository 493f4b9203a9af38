import {
  DeliveryFigures,
  LevelledFigure,
} from '@internal/plugin-release-common';
import { ReleaseLabels } from '../labels';

const HOUR = 3600 * 1000;

/**
 * How the headline figures read: the value in the user's language, and a
 * line on what it was measured over. A figure with nothing to measure reads
 * as an em dash.
 */
export function figureTexts(labels: ReleaseLabels) {
  const { t } = labels;
  const hours = (value: number | null) =>
    value === null ? '—' : labels.duration(value * HOUR);
  const share = (value: number | null) =>
    value === null ? '—' : labels.percent(value);

  const value = (figure: LevelledFigure, summary: DeliveryFigures): string => {
    switch (figure) {
      case 'frequency':
        return t('delivery.perWeek', {
          value: labels.decimal(summary.releasesPerWeek),
        });
      case 'leadTime':
        return hours(summary.leadTimeHours.median);
      case 'changeFailureRate':
        return share(summary.changeFailureRate);
      case 'recoveryTime':
      default:
        return hours(summary.recoveryHours.median);
    }
  };

  const detail = (figure: LevelledFigure, summary: DeliveryFigures): string => {
    switch (figure) {
      case 'frequency':
        return t('delivery.executedCount', { count: summary.executed });
      case 'leadTime':
        return t('delivery.leadTimeP90', {
          value: hours(summary.leadTimeHours.p90),
        });
      case 'changeFailureRate':
        return t('delivery.failedOfClosed', {
          failed: labels.number(summary.failed),
          closed: labels.number(summary.closed),
        });
      case 'recoveryTime':
      default:
        return t('delivery.recoveredCount', { count: summary.recovered });
    }
  };

  return { value, detail, hours, share };
}
