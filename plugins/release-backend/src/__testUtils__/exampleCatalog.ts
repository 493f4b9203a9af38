import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const catalogDir = path.resolve(__dirname, '../../../../examples/catalog');

/** The example portal's catalog, so tests run against the real demo CMDB. */
export function loadExampleCatalog(): Entity[] {
  return fs
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
}
