import { Level, RiskFactor } from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';

/** A release's stored assessment, its `risk` and the manager's override. */
export type StoredRisk = {
  risk: Level;
  score: number | null;
  suggested: Level | null;
  factors: RiskFactor[];
  assessedAt: string | null;
  override: { justification: string; by: string; at: string } | null;
};

/** The assessment as computed, to be stored. */
export type RiskRecord = {
  score: number;
  suggested: Level;
  factors: RiskFactor[];
  assessedAt: Date;
};

function storedFromRow(row: any): StoredRisk {
  return {
    risk: row.risk,
    score: row.risk_score === null ? null : Number(row.risk_score),
    suggested: row.risk_suggested ?? null,
    factors: row.risk_factors ? JSON.parse(row.risk_factors) : [],
    assessedAt: toIso(row.risk_assessed_at),
    override: row.risk_override_by
      ? {
          justification: row.risk_override_justification,
          by: row.risk_override_by,
          at: toIso(row.risk_override_at)!,
        }
      : null,
  };
}

/**
 * The risk assessment's columns of `releases` (docs/risk.md). They are
 * derived, so writing them never bumps the release's `version`.
 */
export class RiskRepository {
  constructor(private readonly db: Knex) {}

  /**
   * The stored assessment; `lock` holds the row until the transaction ends,
   * so an assessment and an override never interleave.
   */
  async get(releaseId: string, lock = false): Promise<StoredRisk | undefined> {
    const query = this.db('releases')
      .where({ id: releaseId })
      .first(
        'risk',
        'risk_score',
        'risk_suggested',
        'risk_factors',
        'risk_assessed_at',
        'risk_override_justification',
        'risk_override_by',
        'risk_override_at',
      );
    const row = await (lock ? query.forUpdate() : query);
    return row ? storedFromRow(row) : undefined;
  }

  /**
   * Stores an assessment; without an override, `risk` follows the
   * suggestion in the same statement, so an override written meanwhile is
   * never undone.
   */
  async record(releaseId: string, record: RiskRecord): Promise<void> {
    await this.db('releases')
      .where({ id: releaseId })
      .update(this.columnsOf(record));
  }

  /**
   * Stores a release's first assessment, which gives it its level as
   * registration gives its other fields, in one statement: false when one
   * was stored meanwhile.
   */
  async recordFirst(releaseId: string, record: RiskRecord): Promise<boolean> {
    const written = await this.db('releases')
      .where({ id: releaseId })
      .whereNull('risk_score')
      .update(this.columnsOf(record));
    return written > 0;
  }

  private columnsOf(record: RiskRecord) {
    return {
      risk_score: record.score,
      risk_suggested: record.suggested,
      risk_factors: JSON.stringify(record.factors),
      risk_assessed_at: record.assessedAt,
      risk: this.db.raw(
        'case when risk_override_by is null then ? else risk end',
        [record.suggested],
      ),
    };
  }

  /** A manager's level, with why and who; null clears it. */
  async setOverride(
    releaseId: string,
    override: { justification: string; by: string; at: Date } | null,
  ): Promise<void> {
    await this.db('releases')
      .where({ id: releaseId })
      .update({
        risk_override_justification: override?.justification ?? null,
        risk_override_by: override?.by ?? null,
        risk_override_at: override?.at ?? null,
      });
  }
}
