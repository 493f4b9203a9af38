import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Kinds a release may relate to as configuration items, and whose owners an
 * approval step may ask. @public
 */
export const CI_KINDS = [
  'component',
  'api',
  'resource',
  'system',
  'domain',
] as const;

/** One of {@link CI_KINDS}. @public */
export type CiKind = (typeof CI_KINDS)[number];

/**
 * The canonical form of an entity ref (`kind:namespace/name`, lowercase), or
 * undefined when the text is not a ref of one of `kinds`. A ref without a
 * kind takes `defaultKind`.
 *
 * @public
 */
export function normalizeEntityRef(
  text: string,
  options: { kinds: readonly string[]; defaultKind?: string },
): string | undefined {
  try {
    const ref = parseEntityRef(text.trim(), {
      defaultKind: options.defaultKind,
      defaultNamespace: 'default',
    });
    const kind = ref.kind.toLocaleLowerCase('en-US');
    if (!options.kinds.includes(kind) || !/^[\w.-]+$/.test(ref.name)) {
      return undefined;
    }
    return stringifyEntityRef(ref).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
