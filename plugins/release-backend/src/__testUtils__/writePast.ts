import { Knex } from 'knex';
import {
  IMPACT_STATE_COLUMNS,
  impactReleaseState,
} from '../database/ImpactRepository';

/**
 * Writes a release's past straight into its row, as the workflow would have
 * left it, and the impact index's copy of its state with it, as the
 * release's own writes keep it.
 */
export async function writePast(
  knex: Knex,
  releaseId: string,
  columns: Record<string, unknown>,
): Promise<void> {
  const [row] = await knex('releases')
    .where({ id: releaseId })
    .update(columns)
    .returning([...IMPACT_STATE_COLUMNS]);
  await knex('release_impact')
    .where({ release_id: releaseId })
    .update(impactReleaseState(row));
}
