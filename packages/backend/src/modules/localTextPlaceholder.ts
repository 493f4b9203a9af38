import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  PlaceholderResolver,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * `$text` as the catalog's own, plus a relative path in a catalog file
 * of a `file` location (e.g. an API entity's
 * `definition: { $text: ./src/schema/openapi.yaml }`), which Backstage's
 * resolver refuses because a file location has no URL to resolve against.
 * Only files inside the catalog file's own folder are read.
 */
export const textWithLocalFiles: PlaceholderResolver = async params => {
  const { key, value, baseUrl } = params;
  if (typeof value !== 'string') {
    throw new Error(
      `Placeholder $${key} expected a string value parameter, in the form of an absolute URL or a relative path`,
    );
  }
  const fileLocation = isAbsolute(baseUrl);
  const relativePath = !/^[a-z][a-z0-9+.-]*:/i.test(value);
  if (fileLocation && relativePath) {
    const folder = dirname(baseUrl);
    const target = resolve(folder, value);
    const inside = relative(folder, target);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error(
        `Placeholder $${key} may only read files inside ${folder}, not ${value}`,
      );
    }
    return readFile(target, 'utf8');
  }
  const url = params.resolveUrl(value, baseUrl);
  params.emit(processingResult.refresh(`url:${url}`));
  return (await params.read(url)).toString('utf-8');
};

/** Installs {@link textWithLocalFiles} as the catalog's `$text`. */
export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-text-placeholder',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addPlaceholderResolver('text', textWithLocalFiles);
      },
    });
  },
});
