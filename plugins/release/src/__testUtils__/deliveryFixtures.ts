import {
  DeliveryComparison,
  DeliveryFigures,
  DeliveryMetrics,
} from '@internal/plugin-release-common';

/** The figures of a scope with nothing executed or closed. */
export function noFigures(): DeliveryFigures {
  return {
    executed: 0,
    releasesPerWeek: 0,
    medianIntervalHours: null,
    leadTimeHours: { median: null, p90: null },
    windowSlipHours: { median: null },
    closed: 0,
    failed: 0,
    changeFailureRate: null,
    recovered: 0,
    recoveryHours: { median: null },
    reworked: 0,
    reworkRate: null,
  };
}

/**
 * Figures as the API returns them: 26 releases over 26 weeks, a median
 * lead time of 2 days 4 hours, 3 of 20 closed failed, recovered in a
 * median of 5 hours; each figure in a different level.
 */
export function someFigures(
  overrides: Partial<DeliveryFigures> = {},
): DeliveryFigures {
  return {
    executed: 26,
    releasesPerWeek: 1,
    medianIntervalHours: 150,
    leadTimeHours: { median: 52, p90: 120 },
    windowSlipHours: { median: 1 },
    closed: 20,
    failed: 3,
    changeFailureRate: 0.15,
    recovered: 2,
    recoveryHours: { median: 5 },
    reworked: 4,
    reworkRate: 0.25,
    ...overrides,
  };
}

/** `GET /metrics` of a portfolio over six months by month. */
export function aDeliveryMetrics(
  overrides: Partial<DeliveryMetrics> = {},
): DeliveryMetrics {
  return {
    scope: { portfolioId: 'p1' },
    from: '2026-06-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    bucket: 'month',
    summary: someFigures(),
    levels: {
      frequency: 'high',
      leadTime: 'medium',
      changeFailureRate: 'low',
      recoveryTime: 'elite',
    },
    buckets: [
      {
        ...someFigures({ executed: 4, closed: 4, failed: 1 }),
        start: '2026-10-01T00:00:00.000Z',
        end: '2026-11-01T00:00:00.000Z',
      },
      {
        ...someFigures({ executed: 5, closed: 3, failed: 0 }),
        start: '2026-11-01T00:00:00.000Z',
        end: '2026-12-01T00:00:00.000Z',
      },
    ],
    unrecovered: [
      {
        id: '6f1c1d1e-0000-4000-8000-000000000007',
        number: 'REL-000007',
        title: 'Payments gateway 3.0',
        failedAt: '2026-11-28T10:00:00.000Z',
        ageHours: 74,
      },
    ],
    unrecoveredTotal: 1,
    ...overrides,
  };
}

/** `GET /metrics` of a scope without releases. */
export function emptyDeliveryMetrics(): DeliveryMetrics {
  return aDeliveryMetrics({
    summary: noFigures(),
    levels: {
      frequency: null,
      leadTime: null,
      changeFailureRate: null,
      recoveryTime: null,
    },
    buckets: [],
    unrecovered: [],
    unrecoveredTotal: 0,
  });
}

/** `GET /metrics/comparison` of two systems or two executor groups. */
export function aComparison(
  dimension: DeliveryComparison['dimension'],
): DeliveryComparison {
  const keys =
    dimension === 'system'
      ? ['system:default/payments', 'system:default/storefront']
      : ['group:default/payments-team', 'group:default/storefront-team'];
  return {
    dimension,
    from: '2026-06-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    rows: [
      {
        key: keys[0],
        summary: someFigures({ executed: 12, changeFailureRate: 0.25 }),
        levels: {
          frequency: 'medium',
          leadTime: 'high',
          changeFailureRate: 'low',
          recoveryTime: 'high',
        },
      },
      {
        key: keys[1],
        summary: someFigures({ executed: 40, changeFailureRate: 0.05 }),
        levels: {
          frequency: 'elite',
          leadTime: 'elite',
          changeFailureRate: 'elite',
          recoveryTime: null,
        },
      },
    ],
  };
}
