import {
  READINESS_ITEMS,
  RELEASE_TYPES,
  RiskFactor,
} from '@internal/plugin-release-common';
import type { ReleaseLabels } from '../labels';

const HOUR = 60 * 60 * 1000;

const isOneOf = <T extends string>(
  values: readonly T[],
  value: string | undefined,
): value is T => (values as readonly (string | undefined)[]).includes(value);

/**
 * What a risk factor measured, in its unit (docs/risk.md#factors): entities,
 * conflicts, blackouts and readiness items counted, lead time as a duration
 * against the minimum, the failure rate as a percentage, the priority and
 * the type by their names.
 */
export function riskFactorValue(
  labels: ReleaseLabels,
  factor: RiskFactor,
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
    case 'blackout-proximity':
      return t('riskValue.blackouts', { count });
    case 'missing-readiness':
      return t('riskValue.items', { count });
    case 'insufficient-lead-time': {
      // Its subject is the minimum, in hours.
      const minimum = Number(factor.subjects[0]);
      const duration = labels.duration(Math.max(0, factor.value) * HOUR);
      return Number.isFinite(minimum)
        ? t('riskValue.leadTimeBelow', {
            duration,
            minimum: labels.duration(minimum * HOUR),
          })
        : t('riskValue.leadTime', { duration });
    }
    case 'failure-rate':
      return t('riskValue.failed', { rate: labels.percent(factor.value) });
    case 'priority':
      return t('riskValue.priority', {
        priority: labels.priority(factor.value),
      });
    case 'type': {
      const type = factor.subjects[0];
      return isOneOf(RELEASE_TYPES, type) ? labels.type(type) : type ?? '';
    }
    default:
      return labels.number(factor.value);
  }
}

/**
 * What a factor is about, as the page lists it: entity refs and release
 * numbers as they are, readiness items by their names; none for the
 * factors whose value already says it (lead time, type).
 */
export function riskFactorSubjects(
  labels: ReleaseLabels,
  factor: RiskFactor,
): string[] {
  switch (factor.factor) {
    case 'insufficient-lead-time':
    case 'type':
    case 'priority':
      return [];
    case 'missing-readiness':
      return factor.subjects.map(item =>
        isOneOf(READINESS_ITEMS, item) ? labels.readinessItem(item) : item,
      );
    default:
      return factor.subjects;
  }
}
