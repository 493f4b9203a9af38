import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { BuiltinKindsEntityProcessor } from '@backstage/plugin-catalog-backend';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const catalogDir = path.resolve(__dirname, '../../../../examples/catalog');

/** The example portal's catalog, so tests run against the real demo CMDB. */
export async function loadExampleCatalog(): Promise<Entity[]> {
  const entities = fs
    .readdirSync(catalogDir)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(catalogDir, file), 'utf8')),
    )
    .map(document => document.toJS() as Entity)
    .filter(entity => entity && entity.kind !== 'Location')
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
  return withCatalogRelations(entities);
}

/**
 * Adds the relations the catalog derives from each entity's spec (dependsOn,
 * dependencyOf, partOf, providesApi, …), with the catalog's own processor,
 * as a catalog that has processed these entities would return them.
 */
export async function withCatalogRelations(
  entities: Entity[],
): Promise<Entity[]> {
  const processor = new BuiltinKindsEntityProcessor();
  const location = { type: 'file', target: catalogDir };
  const relationsBySource = new Map<
    string,
    Array<{ type: string; targetRef: string }>
  >();
  for (const entity of entities) {
    await processor.postProcessEntity(entity, location, result => {
      if (result.type !== 'relation') return;
      const { source, type, target } = result.relation;
      const sourceRef = stringifyEntityRef(source);
      const list = relationsBySource.get(sourceRef) ?? [];
      const targetRef = stringifyEntityRef(target);
      if (!list.some(r => r.type === type && r.targetRef === targetRef)) {
        list.push({ type, targetRef });
      }
      relationsBySource.set(sourceRef, list);
    });
  }
  return entities.map(entity => ({
    ...entity,
    relations: relationsBySource.get(stringifyEntityRef(entity)) ?? [],
  }));
}
