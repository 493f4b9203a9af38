import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_IMPACT_RELATIONS,
  ImpactedEntity,
} from '@internal/plugin-release-common';
import { catalogNodeReader } from '../src/impact/catalogNodes';
import { walkImpact } from '../src/impact/walkImpact';
import { SeedCatalog } from './seed';

/**
 * What each CI reaches at depth 3, walked once per CI over an in-memory
 * copy of the catalog, so seeding writes the impact index the plugin
 * would have written.
 */
export async function impactOfEachCi(
  entities: Entity[],
  ciRefs: string[],
): Promise<SeedCatalog> {
  const byRef = new Map(
    entities.map(e => [
      `${e.kind}:${e.metadata.namespace ?? 'default'}/${
        e.metadata.name
      }`.toLowerCase(),
      e,
    ]),
  );
  const read = catalogNodeReader(
    {
      getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(ref => byRef.get(ref)),
      }),
    } as any,
    {} as any,
  );
  const impactOf = new Map<string, ImpactedEntity[]>();
  for (const ci of new Set(ciRefs)) {
    const walk = await walkImpact({
      cis: [ci],
      depth: 3,
      relations: DEFAULT_IMPACT_RELATIONS,
      read,
    });
    impactOf.set(ci, walk.entities);
  }
  return { ciRefs, impactOf };
}
