import { RootConfigService } from '@backstage/backend-plugin-api';
import { ReleaseType } from '@internal/plugin-release-common';

/** Points for each item a factor counts, up to a most the factor adds. */
export type CountWeight = { each: number; max: number };

/** `release.risk` in app-config (docs/risk.md#configuration). */
export type RiskSettings = {
  weights: {
    impactedEntities: CountWeight;
    productionEntities: CountWeight;
    criticalEntities: CountWeight;
    conflicts: CountWeight;
    /** A blackout the window meets, and one only near it. */
    blackouts: { meeting: number; near: number };
    insufficientLeadTime: number;
    /** Points at a failure rate of 1 (every release failed); rounded. */
    failureRate: number;
    /** Points of priority 1 (critical) to 5 (planning). */
    priority: [number, number, number, number, number];
    type: Record<ReleaseType, number>;
    missingReadiness: CountWeight;
  };
  /** The least score that suggests each level; below medium is low. */
  thresholds: { medium: number; high: number };
  /** The tag that marks an entity critical. */
  criticalTag: string;
  /** A blackout starting or ending this close to the window counts. */
  blackoutProximityHours: number;
  /** The past the failure rate looks back on. */
  failureRateDays: number;
  /** The lead time a release needs when its model sets none. */
  minimumLeadTimeHours: number;
};

/** The defaults, documented in docs/risk.md#configuration. */
export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  weights: {
    impactedEntities: { each: 1, max: 10 },
    productionEntities: { each: 2, max: 10 },
    criticalEntities: { each: 5, max: 15 },
    conflicts: { each: 5, max: 15 },
    blackouts: { meeting: 15, near: 5 },
    insufficientLeadTime: 10,
    failureRate: 20,
    priority: [15, 10, 5, 2, 0],
    type: { emergency: 15, major: 5, minor: 0 },
    missingReadiness: { each: 3, max: 15 },
  },
  thresholds: { medium: 20, high: 40 },
  criticalTag: 'critical',
  blackoutProximityHours: 48,
  failureRateDays: 90,
  minimumLeadTimeHours: 24,
};

type Section = ReturnType<RootConfigService['getOptionalConfig']>;

const ROOT = 'release.risk';

/** A whole number of at least 0, or the default; the key named otherwise. */
function wholeNumber(
  section: Section,
  key: string,
  fallback: number,
  path: string,
) {
  const value = section?.getOptional(key);
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(
      `${path}.${key} must be a whole number of at least 0, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

/**
 * Every whole number of `defaults`, read from the section under the same
 * keys, nested objects alike; other values (lists, text) are read apart.
 */
function wholeNumbers<T extends object>(
  section: Section,
  defaults: T,
  path: string,
): T {
  return Object.fromEntries(
    Object.entries(defaults).map(([key, fallback]) => {
      if (typeof fallback === 'number') {
        return [key, wholeNumber(section, key, fallback, path)];
      }
      if (typeof fallback !== 'object' || Array.isArray(fallback)) {
        return [key, fallback];
      }
      return [
        key,
        wholeNumbers(
          section?.getOptionalConfig(key),
          fallback,
          `${path}.${key}`,
        ),
      ];
    }),
  ) as T;
}

function priorityWeights(
  section: Section,
): RiskSettings['weights']['priority'] {
  const fallback = DEFAULT_RISK_SETTINGS.weights.priority;
  const value = section?.getOptional('priority');
  if (value === undefined) return fallback;
  if (
    !Array.isArray(value) ||
    value.length !== 5 ||
    !value.every(n => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  ) {
    throw new Error(
      `${ROOT}.weights.priority must be five whole numbers of at least 0, for priorities 1 to 5, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value as RiskSettings['weights']['priority'];
}

/** Reads `release.risk`; a wrong value stops the backend at start-up, naming its key. */
export function readRiskSettings(config: RootConfigService): RiskSettings {
  const risk = config.getOptionalConfig(ROOT);
  const numbers = wholeNumbers(risk, DEFAULT_RISK_SETTINGS, ROOT);
  const settings: RiskSettings = {
    ...numbers,
    weights: {
      ...numbers.weights,
      priority: priorityWeights(risk?.getOptionalConfig('weights')),
    },
    criticalTag:
      risk?.getOptionalString('criticalTag') ??
      DEFAULT_RISK_SETTINGS.criticalTag,
  };
  const { medium, high } = settings.thresholds;
  if (medium < 1 || high <= medium) {
    throw new Error(
      `${ROOT}.thresholds must have 0 < medium < high, got medium ${medium} and high ${high}`,
    );
  }
  if (settings.failureRateDays < 1) {
    throw new Error(`${ROOT}.failureRateDays must be at least 1, got 0`);
  }
  if (!settings.criticalTag.trim()) {
    throw new Error(`${ROOT}.criticalTag must not be empty`);
  }
  return settings;
}
