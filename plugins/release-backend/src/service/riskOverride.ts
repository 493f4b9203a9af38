import { FieldChange, Level } from '@internal/plugin-release-common';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { fieldError } from './parseInput';

/**
 * What an edit's `risk` does to the manager's override
 * (docs/risk.md#choosing-another-level): the suggested level clears it,
 * another level needs `riskJustification` and records it. Returns the
 * history's extra change; throws the 400 before anything is written.
 */
export async function applyRiskChoice(
  tx: ReleaseRepositories,
  releaseId: string,
  choice: { risk?: Level; riskJustification?: string },
  /** The suggestion read before the transaction, when none was stored. */
  fallbackSuggestion: Level | undefined,
  by: { actor: string; at: Date },
): Promise<Record<string, FieldChange>> {
  const justification = choice.riskJustification?.trim() || undefined;
  if (choice.risk === undefined) {
    if (justification) {
      throw fieldError(
        'riskJustification',
        'is only taken with the risk it justifies',
      );
    }
    return {};
  }
  const stored = (await tx.risk.get(releaseId, true))!;
  const suggestion = stored.suggested ?? fallbackSuggestion;
  const before = stored.override?.justification ?? null;
  if (choice.risk === suggestion) {
    if (!stored.override) return {};
    await tx.risk.setOverride(releaseId, null);
    return { riskJustification: { before, after: null } };
  }
  if (!justification) {
    // A form sending the level it shows, unchanged, keeps the override.
    if (stored.override && choice.risk === stored.risk) return {};
    throw fieldError(
      'riskJustification',
      `is required to set the risk to ${choice.risk}: the assessment suggests ${suggestion}`,
    );
  }
  if (
    stored.override &&
    stored.risk === choice.risk &&
    before === justification
  ) {
    return {};
  }
  await tx.risk.setOverride(releaseId, {
    justification,
    by: by.actor,
    at: by.at,
  });
  return before === justification
    ? {}
    : { riskJustification: { before, after: justification } };
}
