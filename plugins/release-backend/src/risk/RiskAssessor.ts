import { LoggerService } from '@backstage/backend-plugin-api';
import { Release, RiskAssessment } from '@internal/plugin-release-common';
import { ReleaseStore } from '../database/ReleaseStore';
import { StoredRisk } from '../database/RiskRepository';
import { assessRisk, ComputedRisk } from './assessRisk';
import {
  gatherRiskInputs,
  isAssessedLive,
  RiskParts,
  RiskSources,
} from './gatherRiskInputs';

/** Who the history names for a level the assessment changed. */
export const RISK_ASSESSMENT_ACTOR = 'plugin:release';

/** Same points for the same reasons: values that move with the clock aside. */
function sameAssessment(stored: StoredRisk, computed: ComputedRisk): boolean {
  const reasons = (factors: ComputedRisk['factors']) =>
    JSON.stringify(factors.map(f => [f.factor, f.points, f.subjects]));
  return (
    stored.score === computed.score &&
    stored.suggested === computed.suggestedLevel &&
    reasons(stored.factors) === reasons(computed.factors)
  );
}

function toAssessment(
  stored: StoredRisk,
  computed: ComputedRisk,
  assessedAt: string,
): RiskAssessment {
  const level = stored.override ? stored.risk : computed.suggestedLevel;
  return {
    score: computed.score,
    suggestedLevel: computed.suggestedLevel,
    level,
    override: stored.override ? { level, ...stored.override } : null,
    factors: computed.factors,
    assessedAt,
  };
}

/** The assessment as stored, without computing it again. */
function asStored(stored: StoredRisk, score: number): RiskAssessment {
  return toAssessment(
    stored,
    {
      score,
      suggestedLevel: stored.suggested!,
      factors: stored.factors,
    },
    stored.assessedAt!,
  );
}

/**
 * Computes a release's risk assessment and keeps the stored one current
 * (docs/risk.md#recomputation): it is written only when its points or
 * reasons change, and without an override the release's `risk` follows
 * the suggestion, recorded in the history.
 */
export class RiskAssessor {
  /**
   * The assessment made after a change, by release id, for the answer to
   * that change: the release at that version is not assessed twice.
   */
  private readonly afterChangeOf = new Map<
    string,
    // No assessment: the change moved no factor, the stored one stands.
    { version: number; assessment?: RiskAssessment }
  >();

  constructor(
    private readonly deps: {
      store: ReleaseStore;
      sources: RiskSources;
      now: () => Date;
      logger?: LoggerService;
    },
  ) {}

  /** The assessment as computed from the database now. */
  async compute(
    release: Release,
    parts?: Promise<RiskParts>,
  ): Promise<ComputedRisk> {
    const { store, sources, now } = this.deps;
    const inputs = await gatherRiskInputs(
      store,
      release,
      sources,
      now(),
      parts,
    );
    return assessRisk(inputs, sources.settings);
  }

  /**
   * The release's assessment for `GET /releases/:id`: computed on read
   * while it follows its inputs (lead time and conflicts move without the
   * release changing), stored when it differs; afterwards, as stored. The
   * answer to a change carries the assessment made after it, or the stored
   * one when the change moved no factor.
   */
  async assessmentOf(
    release: Release,
    parts?: Promise<RiskParts>,
  ): Promise<RiskAssessment> {
    const justMade = this.afterChangeOf.get(release.id);
    if (justMade) {
      this.afterChangeOf.delete(release.id);
    }
    const current = justMade?.version === release.version;
    if (current && justMade.assessment) {
      return justMade.assessment;
    }
    const stored = await this.deps.store.risk.get(release.id);
    const storedStands = current && stored?.score !== null;
    if ((isAssessedLive(release) && !storedStands) || !stored) {
      return this.reassess(release, stored, parts);
    }
    if (stored.score !== null) {
      return asStored(stored, stored.score);
    }
    // Authorized before it was ever assessed: explained, but its level,
    // which it went ahead with, is kept and nothing is stored.
    const computed = await this.compute(release, parts);
    return {
      ...toAssessment(stored, computed, this.deps.now().toISOString()),
      level: stored.risk,
    };
  }

  /**
   * After a committed change: assesses the release again if it follows its
   * inputs. A failure is logged; the change itself has happened.
   */
  async afterChange(
    changed: Release | string,
    movesFactors = true,
  ): Promise<void> {
    const releaseId = typeof changed === 'string' ? changed : changed.id;
    try {
      const release =
        typeof changed === 'string'
          ? await this.deps.store.releases.get(changed)
          : changed;
      if (release && isAssessedLive(release)) {
        const assessment = movesFactors
          ? await this.reassess(release)
          : undefined;
        // Kept only until the change's answer reads it; a bound keeps
        // answers that never came (a failed response) from piling up.
        if (this.afterChangeOf.size > 1000) {
          this.afterChangeOf.clear();
        }
        this.afterChangeOf.set(release.id, {
          version: release.version,
          assessment,
        });
      }
    } catch (error) {
      this.deps.logger?.warn(
        `Could not assess the risk of release ${releaseId}: ${error}`,
      );
    }
  }

  /** Computes and, when it differs from the stored one, stores the assessment. */
  async reassess(
    release: Release,
    known?: StoredRisk,
    parts?: Promise<RiskParts>,
  ): Promise<RiskAssessment> {
    const { store, now } = this.deps;
    const assessedAt = now();
    const [computed, before] = await Promise.all([
      this.compute(release, parts),
      known ?? store.risk.get(release.id),
    ]);
    if (before && sameAssessment(before, computed)) {
      return toAssessment(before, computed, assessedAt.toISOString());
    }
    const record = {
      score: computed.score,
      suggested: computed.suggestedLevel,
      factors: computed.factors,
      assessedAt,
    };
    // The first gives a new release its level, as registration gives its
    // other fields: no history, so no lock to take.
    if (
      before?.score === null &&
      (await store.risk.recordFirst(release.id, record))
    ) {
      return toAssessment(before, computed, assessedAt.toISOString());
    }
    const written = await store.transaction(async tx => {
      const stored = await tx.risk.get(release.id, true);
      if (!stored) return undefined;
      // A later assessment was stored meanwhile: it stands.
      if (stored.assessedAt && Date.parse(stored.assessedAt) > +assessedAt) {
        return stored;
      }
      await tx.risk.record(release.id, record);
      // Later assessments than the first change the level: the history
      // says so.
      const first = stored.score === null;
      if (
        !first &&
        !stored.override &&
        stored.risk !== computed.suggestedLevel
      ) {
        await tx.history.append({
          releaseId: release.id,
          at: assessedAt,
          actor: RISK_ASSESSMENT_ACTOR,
          kind: 'edited',
          action: 'risk-assessed',
          fromStatus: null,
          toStatus: null,
          changes: {
            risk: { before: stored.risk, after: computed.suggestedLevel },
          },
          justificationId: null,
          comment: null,
        });
      }
      return stored;
    });
    return toAssessment(
      written ?? {
        risk: release.risk,
        score: null,
        suggested: null,
        factors: [],
        assessedAt: null,
        override: null,
      },
      computed,
      assessedAt.toISOString(),
    );
  }
}
