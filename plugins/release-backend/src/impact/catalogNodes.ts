import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ImpactedEntity } from '@internal/plugin-release-common';
import { CatalogNode, ReadCatalogNodes } from './walkImpact';

/** Refs per catalog request: large enough for few round trips, small enough for a URL-free POST body. */
const BATCH_SIZE = 500;

/** Only what the walk and the index keep, so large catalogs stay cheap to read. */
const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.tags',
  'spec.lifecycle',
  'relations',
];

function toNode(entity: Entity): CatalogNode {
  const owner = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  return {
    entityRef: stringifyEntityRef(entity).toLocaleLowerCase(),
    kind: entity.kind.toLocaleLowerCase(),
    title: entity.metadata.title ?? entity.metadata.name,
    owner: owner?.targetRef.toLocaleLowerCase() ?? null,
    tags: entity.metadata.tags ?? [],
    lifecycle: lifecycleOf(entity),
    relations: entity.relations ?? [],
  };
}

/** `spec.lifecycle` when the entity has one (risk: docs/risk.md#factors). */
function lifecycleOf(entity: Entity): string | null {
  const lifecycle = entity.spec?.lifecycle;
  return typeof lifecycle === 'string' && lifecycle
    ? lifecycle.toLocaleLowerCase()
    : null;
}

/** A CI as the impact index records it the moment it is related. */
export function directImpact(entity: Entity): ImpactedEntity {
  const { relations: _, ...node } = toNode(entity);
  return { ...node, distance: 0, via: node.entityRef, path: [] };
}

/**
 * Reads entities through the catalog as `credentials`, so the catalog's
 * permissions decide what the walk may see; hidden entities read as missing.
 */
export function catalogNodeReader(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): ReadCatalogNodes {
  return async entityRefs => {
    const nodes = new Map<string, CatalogNode>();
    for (let i = 0; i < entityRefs.length; i += BATCH_SIZE) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: entityRefs.slice(i, i + BATCH_SIZE), fields: FIELDS },
        { credentials },
      );
      for (const entity of items) {
        if (entity) {
          const node = toNode(entity);
          nodes.set(node.entityRef, node);
        }
      }
    }
    return nodes;
  };
}
