import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  DeliveryComparison,
  deliveryComparisonQuerySchema,
  DeliveryMetrics,
  deliveryMetricsQuerySchema,
  UNRECOVERED_LIST_LIMIT,
} from '@internal/plugin-release-common';
import { ReleaseVisibility } from '../database/permissionFilter';
import { computeFigures, hasFailedOutcome } from '../metrics/figures';
import { factsPerBucket } from '../metrics/factsPerBucket';
import { levelsOf } from '../metrics/levels';
import { metricsToCsv } from '../metrics/metricsCsv';
import {
  DEFAULT_METRICS_SETTINGS,
  MetricsSettings,
} from '../metrics/metricsSettings';
import { cutIntoBuckets, Period, resolvePeriod } from '../metrics/periods';
import { Recoveries, ReleaseFact } from '../metrics/releaseFacts';
import { hours } from '../metrics/statistics';
import { parseInput } from './parseInput';
import { ServiceContext } from './ServiceContext';

const iso = (time: number) => new Date(time).toISOString();

/**
 * Delivery figures from the release record (docs/metrics.md): per scope and
 * period, per bucket, and side by side per executor group or system.
 */
export class MetricsService {
  constructor(private readonly context: ServiceContext) {}

  private get settings(): MetricsSettings {
    return this.context.metrics ?? DEFAULT_METRICS_SETTINGS;
  }

  async metrics(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<DeliveryMetrics> {
    const parsed = parseInput(deliveryMetricsQuerySchema, query);
    const now = this.context.now();
    const period = resolvePeriod(parsed, now);
    const buckets = cutIntoBuckets(period, parsed.bucket);
    if (
      parsed.portfolioId &&
      !(await this.context.store.portfolios.get(parsed.portfolioId))
    ) {
      throw new NotFoundError(`No portfolio with id ${parsed.portfolioId}`);
    }
    const scope = {
      portfolioId: parsed.portfolioId,
      entityRef: parsed.entityRef,
      executorGroup: parsed.executorGroup,
    };
    const visibility = await this.context.authorizer.visibility(credentials);
    const facts = await this.context.store.metrics.facts(
      scope,
      period,
      visibility,
    );
    const { recoveries, until } = await this.recoveriesOf(
      facts,
      period,
      visibility,
    );
    const summary = computeFigures(facts, period, recoveries, this.settings);
    // Oldest first, then by number, so equal ends list the same way each time.
    const unrecovered = facts
      .filter(fact => hasFailedOutcome(fact, this.settings))
      .filter(fact => fact.closedAt! >= period.start)
      .filter(fact => fact.closedAt! < period.end)
      .filter(fact => !recoveries.has(fact.id))
      .sort(
        (a, b) =>
          a.actualEnd! - b.actualEnd! ||
          a.number.localeCompare(b.number, 'en', { numeric: true }),
      );
    return {
      scope: Object.fromEntries(
        Object.entries(scope).filter(([, value]) => value !== undefined),
      ),
      from: iso(period.start),
      to: iso(period.end),
      bucket: parsed.bucket,
      summary,
      levels: levelsOf(summary, this.settings),
      buckets: factsPerBucket(facts, buckets).map((bucketFacts, i) => ({
        start: iso(buckets[i].start),
        end: iso(buckets[i].end),
        ...computeFigures(bucketFacts, buckets[i], recoveries, this.settings),
      })),
      unrecovered: unrecovered.slice(0, UNRECOVERED_LIST_LIMIT).map(fact => ({
        id: fact.id,
        number: fact.number,
        title: fact.title,
        failedAt: iso(fact.actualEnd!),
        ageHours: hours(until - fact.actualEnd!),
      })),
      unrecoveredTotal: unrecovered.length,
    };
  }

  /** {@link metrics} as CSV: a row per bucket and a total row. */
  async exportMetrics(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const metrics = await this.metrics(query, credentials);
    const { language } = parseInput(deliveryMetricsQuerySchema, query);
    return metricsToCsv(metrics, language);
  }

  async comparison(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<DeliveryComparison> {
    const parsed = parseInput(deliveryComparisonQuerySchema, query);
    const period = resolvePeriod(parsed, this.context.now());
    const visibility = await this.context.authorizer.visibility(credentials);
    const keyed = await this.context.store.metrics.keyedFacts(
      parsed.dimension,
      period,
      visibility,
    );
    const byKey = new Map<string, ReleaseFact[]>();
    for (const { key, fact } of keyed) {
      const facts = byKey.get(key) ?? [];
      facts.push(fact);
      byKey.set(key, facts);
    }
    const unique = new Map(keyed.map(({ fact }) => [fact.id, fact]));
    const { recoveries } = await this.recoveriesOf(
      [...unique.values()],
      period,
      visibility,
    );
    return {
      dimension: parsed.dimension,
      from: iso(period.start),
      to: iso(period.end),
      rows: [...byKey.keys()].sort().map(key => {
        const summary = computeFigures(
          byKey.get(key)!,
          period,
          recoveries,
          this.settings,
        );
        return { key, summary, levels: levelsOf(summary, this.settings) };
      }),
    };
  }

  /**
   * When the period's failed releases were recovered, looking no further
   * than its end (or now, for a period still running).
   */
  private async recoveriesOf(
    facts: ReleaseFact[],
    period: Period,
    visibility: ReleaseVisibility,
  ): Promise<{ recoveries: Recoveries; until: number }> {
    const until = Math.min(period.end, this.context.now().getTime());
    const failed = facts.filter(fact => hasFailedOutcome(fact, this.settings));
    const recoveries = await this.context.store.metrics.recoveries(
      failed,
      new Date(until),
      visibility,
    );
    return { recoveries, until };
  }
}
