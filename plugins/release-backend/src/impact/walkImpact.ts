import {
  ImpactedEntity,
  ImpactPathStep,
} from '@internal/plugin-release-common';

/** What the walk needs to know of a catalog entity. */
export type CatalogNode = Omit<ImpactedEntity, 'distance' | 'via' | 'path'> & {
  relations: Array<{ type: string; targetRef: string }>;
};

/** Reads entities by ref; refs absent from the result are missing. */
export type ReadCatalogNodes = (
  entityRefs: string[],
) => Promise<Map<string, CatalogNode>>;

export type ImpactWalk = {
  entities: ImpactedEntity[];
  missing: string[];
  truncated: boolean;
};

type Visit = { entityRef: string; via: string; path: ImpactPathStep[] };

/**
 * Breadth-first walk from the CIs along `relations`, one catalog read per
 * level, so each entity is reported once at its shortest distance. Visited
 * refs are never queued again, which also ends cycles in the graph.
 */
export async function walkImpact(options: {
  cis: string[];
  depth: number;
  relations: string[];
  read: ReadCatalogNodes;
  /** Stop queueing entities beyond this many. */
  limit?: number;
}): Promise<ImpactWalk> {
  const followed = new Set(options.relations);
  const limit = options.limit ?? 5000;
  const entities: ImpactedEntity[] = [];
  const missing: string[] = [];
  let truncated = false;

  const roots = [...new Set(options.cis.map(ref => ref.toLocaleLowerCase()))];
  const seen = new Set(roots);
  let level: Visit[] = roots.map(ref => ({
    entityRef: ref,
    via: ref,
    path: [],
  }));

  for (let distance = 0; level.length > 0; distance++) {
    const nodes = await options.read(level.map(visit => visit.entityRef));
    const next: Visit[] = [];
    for (const visit of level) {
      const node = nodes.get(visit.entityRef);
      if (!node) {
        missing.push(visit.entityRef);
        continue;
      }
      const { relations, ...entity } = node;
      entities.push({ ...entity, distance, via: visit.via, path: visit.path });
      if (distance === options.depth) continue;
      for (const relation of relations) {
        const target = relation.targetRef.toLocaleLowerCase();
        if (!followed.has(relation.type) || seen.has(target)) continue;
        if (seen.size >= limit) {
          truncated = true;
          break;
        }
        seen.add(target);
        next.push({
          entityRef: target,
          via: visit.via,
          path: [
            ...visit.path,
            { from: visit.entityRef, relation: relation.type, to: target },
          ],
        });
      }
    }
    level = next;
  }
  return { entities, missing, truncated };
}
