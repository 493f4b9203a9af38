import { ConflictError } from '@backstage/errors';
import {
  checkGuards,
  guardReads,
  JustifiedAction,
  JUSTIFIED_ACTIONS,
  Release,
  ReleaseAction,
  TransitionInput,
} from '@internal/plugin-release-common';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { fieldError, FieldInputError } from './parseInput';
import { ServiceContext } from './ServiceContext';

/**
 * An action's guards (docs/workflow.md#guards), on what they read in the
 * action's transaction: a missing input is a 400 naming its field, a state
 * not met a 409, a reason not in the catalogue a 400.
 */
export async function checkTransitionGuards(
  context: ServiceContext,
  tx: ReleaseRepositories,
  release: Release,
  action: ReleaseAction,
  input: TransitionInput,
) {
  const reads = guardReads(action);
  const [activities, ciCount] = await Promise.all([
    reads.activities ? tx.activities.listForRelease(release.id) : [],
    reads.ciCount ? tx.relations.countCis(release.id) : 0,
  ]);
  const violations = checkGuards(action, {
    release,
    activities,
    ciCount,
    input,
    now: context.now(),
  });
  const missing = violations.filter(v => v.kind === 'input');
  if (missing.length > 0) {
    throw new FieldInputError(
      missing.map(v => ({ field: v.field, message: v.message })),
    );
  }
  const blocked = violations.filter(v => v.kind === 'state');
  if (blocked.length > 0) {
    throw new ConflictError(
      `Cannot ${action} ${release.number}: ${blocked
        .map(v => `${v.field}: ${v.message}`)
        .join('; ')}`,
    );
  }
  if ((JUSTIFIED_ACTIONS as readonly string[]).includes(action)) {
    const justification = await tx.justifications.get(input.justificationId!);
    if (
      !justification ||
      !justification.active ||
      !justification.appliesTo.includes(action as JustifiedAction)
    ) {
      throw fieldError(
        'justificationId',
        `not an active reason for ${action} in the catalogue`,
      );
    }
  }
}
