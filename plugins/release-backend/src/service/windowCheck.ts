import { ConflictError } from '@backstage/errors';
import { Release } from '@internal/plugin-release-common';
import { ImpactService } from './ImpactService';

/** Conflicts named in a refusal; the conflicts endpoint lists them all. */
const CONFLICTS_NAMED = 3;

/**
 * A window that overlaps another open release on a shared entity, or meets
 * a blackout, is authorized only with an override
 * (docs/workflow.md#window-override). The release's impact is walked again
 * first, so the check sees today's catalog. Returns what was overridden,
 * for the history. Both ways to authorize use it: the action and the last
 * approval of a round (docs/approvals.md#the-approval-round).
 */
export async function checkWindow(
  impact: ImpactService,
  release: Release,
  override: boolean,
): Promise<string | null> {
  await impact.refreshQuietly(release.id);
  const { conflicts, blackouts } = await impact.check(release);
  const named = conflicts.slice(0, CONFLICTS_NAMED).map(c => {
    const { number, window } = c.release;
    const shared = c.sharedEntityRefs.slice(0, 2).join(', ');
    return `its window overlaps ${number} (${window.start} – ${window.end}) on ${shared}`;
  });
  if (conflicts.length > CONFLICTS_NAMED) {
    named.push(
      `and ${
        conflicts.length - CONFLICTS_NAMED
      } more releases (see its conflicts)`,
    );
  }
  const problems = [
    ...named,
    ...blackouts.map(
      b => `its window falls in blackout "${b.name}" (${b.start} – ${b.end})`,
    ),
  ];
  if (problems.length === 0) {
    return null;
  }
  if (!override) {
    throw new ConflictError(
      `Cannot authorize ${release.number}: ${problems.join('; ')}. ` +
        'Move the window, or authorize with override and a comment.',
    );
  }
  return problems.join('; ');
}
