import { Knex } from 'knex';
import { generateCatalog } from './catalog';
import { impactOfEachCi } from './impactSeed';
import { seed } from './seed';

/**
 * Seeds releases whose CIs and impact come from the generated
 * 10,000-entity catalog, spread as in a large portal; returns entities
 * whose release tab the load test opens.
 */
export async function seedLikeALargePortal(
  knex: Knex,
  releaseCount: number,
): Promise<string[]> {
  const catalog = await generateCatalog();
  await seed(
    knex,
    releaseCount,
    await impactOfEachCi(catalog.entities, catalog.ciRefs),
  );
  // What autovacuum would have done by the time a portal had this many
  // releases: statistics, and the visibility map index-only scans need.
  await knex.raw('vacuum analyze');
  return catalog.tabRefs;
}
