import { RiskFactor } from '@internal/plugin-release-common';
import type { ReleaseLabels } from '../labels';

const HOUR = 60 * 60 * 1000;

/**
 * What a risk factor measured, in its unit (docs/risk.md#factors): entities
 * and conflicts counted, hours as a duration, the failure rate as a
 * percentage, the priority by its name. The release type speaks for itself.
 */
export function riskFactorValue(
  labels: ReleaseLabels,
  factor: RiskFactor,
  release: { type: Parameters<ReleaseLabels['type']>[0] },
): string {
  const { t } = labels;
  const count = factor.value;
  switch (factor.factor) {
    case 'impacted-entities':
    case 'production-entities':
    case 'critical-entities':
      return t('riskValue.entities', { count });
    case 'conflicts':
      return t('riskValue.conflicts', { count });
    case 'missing-readiness':
      return t('riskValue.items', { count });
    case 'blackout-proximity':
      return t('riskValue.hoursAway', {
        duration: labels.duration(factor.value * HOUR),
      });
    case 'insufficient-lead-time':
      return t('riskValue.leadTime', {
        duration: labels.duration(Math.max(0, factor.value) * HOUR),
      });
    case 'failure-rate':
      return t('riskValue.failed', { rate: labels.percent(factor.value) });
    case 'priority':
      return t('riskValue.priority', {
        priority: labels.priority(factor.value),
      });
    case 'type':
      return labels.type(release.type);
    default:
      return labels.number(factor.value);
  }
}
