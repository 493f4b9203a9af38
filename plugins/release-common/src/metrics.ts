import { z } from 'zod';
import { ciRefSchema, groupRefSchema } from './schemas';

/**
 * Delivery figures computed from the release record (docs/metrics.md): how
 * often releases are executed, how long they take, how often they fail and
 * how soon a failure is recovered.
 */

/** The length of the periods a trend is cut into. @public */
export const METRICS_BUCKETS = ['week', 'month'] as const;
/** @public */
export type MetricsBucket = (typeof METRICS_BUCKETS)[number];

/** The DORA performance levels, best first. @public */
export const DELIVERY_LEVELS = ['elite', 'high', 'medium', 'low'] as const;
/** @public */
export type DeliveryLevel = (typeof DELIVERY_LEVELS)[number];

/** The four headline figures that are placed in a level. @public */
export const LEVELLED_FIGURES = [
  'frequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
] as const;
/** @public */
export type LevelledFigure = (typeof LEVELLED_FIGURES)[number];

/**
 * The figures of one scope over one period (the whole period or a bucket).
 * Durations are in hours; rates are shares from 0 to 1; a figure with
 * nothing to measure is `null`, never 0.
 *
 * @public
 */
export type DeliveryFigures = {
  /** Releases executed (actual end of deployment) in the period. */
  executed: number;
  /** `executed` per week of the period. */
  releasesPerWeek: number;
  /** Median time between consecutive executions in the period. */
  medianIntervalHours: number | null;
  /** Registration → actual end of deployment, of the releases executed. */
  leadTimeHours: { median: number | null; p90: number | null };
  /** Actual start − planned start, of the releases executed. */
  windowSlipHours: { median: number | null };
  /** Releases closed in the period (cancelled ones are not counted). */
  closed: number;
  /** Closed releases that failed or were reworked after execution. */
  failed: number;
  /** `failed / closed`. */
  changeFailureRate: number | null;
  /** Failed releases of the period recovered by a later successful one. */
  recovered: number;
  /** Median time from a failure to its recovery. */
  recoveryHours: { median: number | null };
  /** Executed releases of type emergency or related to an incident. */
  reworked: number;
  /** `reworked / executed`. */
  reworkRate: number | null;
};

/** A bucket of a trend: the figures of the releases in `[start, end)`. @public */
export type DeliveryBucket = DeliveryFigures & {
  start: string;
  end: string;
};

/** A failed release that no later successful release has recovered yet. @public */
export type UnrecoveredRelease = {
  id: string;
  number: string;
  title: string;
  /** Its actual end of deployment. */
  failedAt: string;
  /** Hours from `failedAt` to the end of the period (or now). */
  ageHours: number;
};

/**
 * How many unrecovered failures `GET /metrics` lists, oldest first; a
 * portfolio with thousands of them gives their total beside the list.
 *
 * @public
 */
export const UNRECOVERED_LIST_LIMIT = 20;

/**
 * `GET /metrics`: the figures of a scope over a period, and per bucket.
 * Only the releases the caller may read are counted.
 *
 * @public
 */
export type DeliveryMetrics = {
  scope: { portfolioId?: string; entityRef?: string; executorGroup?: string };
  from: string;
  to: string;
  bucket: MetricsBucket;
  summary: DeliveryFigures;
  /** The level of each headline figure; `null` when it has no value. */
  levels: Record<LevelledFigure, DeliveryLevel | null>;
  buckets: DeliveryBucket[];
  /** The oldest unrecovered failures, at most {@link UNRECOVERED_LIST_LIMIT}. */
  unrecovered: UnrecoveredRelease[];
  /** How many failures are unrecovered, listed or not. */
  unrecoveredTotal: number;
};

/** What `GET /metrics/comparison` sets side by side. @public */
export const DELIVERY_COMPARISON_DIMENSIONS = [
  'executorGroup',
  'system',
] as const;
/** @public */
export type DeliveryComparisonDimension =
  (typeof DELIVERY_COMPARISON_DIMENSIONS)[number];

/**
 * `GET /metrics/comparison`: the period's figures of every executor group
 * or every system that has releases the caller may read.
 *
 * @public
 */
export type DeliveryComparison = {
  dimension: DeliveryComparisonDimension;
  from: string;
  to: string;
  rows: Array<{
    /** A group ref or a system's entity ref. */
    key: string;
    summary: DeliveryFigures;
    levels: Record<LevelledFigure, DeliveryLevel | null>;
  }>;
};

const isoDate = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00Z',
});

const period = {
  /** Default: twelve months before `to`. */
  from: isoDate.optional(),
  /** Default: now. */
  to: isoDate.optional(),
};

const fromBeforeTo = (q: { from?: string; to?: string }) =>
  !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to);

/** `GET /metrics`; at most one scope, none meaning every release. @public */
export const deliveryMetricsQuerySchema = z
  .strictObject({
    portfolioId: z.uuid().optional(),
    /** A CI and, through `partOf`, what it contains. */
    entityRef: ciRefSchema.optional(),
    executorGroup: groupRefSchema.optional(),
    ...period,
    bucket: z.enum(METRICS_BUCKETS).default('month'),
    format: z.enum(['json', 'csv']).optional(),
    /** The language of the CSV header row; values stay machine-readable. */
    language: z.enum(['en', 'pt-BR']).optional(),
  })
  .refine(fromBeforeTo, { message: 'must be after from', path: ['to'] })
  .refine(
    q =>
      [q.portfolioId, q.entityRef, q.executorGroup].filter(Boolean).length <= 1,
    {
      message: 'give at most one of portfolioId, entityRef, executorGroup',
      path: ['portfolioId'],
    },
  );
/** @public */
export type DeliveryMetricsQuery = z.output<typeof deliveryMetricsQuerySchema>;

/** `GET /metrics/comparison`. @public */
export const deliveryComparisonQuerySchema = z
  .strictObject({
    dimension: z.enum(DELIVERY_COMPARISON_DIMENSIONS),
    ...period,
  })
  .refine(fromBeforeTo, { message: 'must be after from', path: ['to'] });
/** @public */
export type DeliveryComparisonQuery = z.output<
  typeof deliveryComparisonQuerySchema
>;
