import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

/** A catalog entity as a picker shows it. */
export type EntityOption = {
  ref: string;
  kind: string;
  /** The display name, title or name. */
  title: string;
  owner?: string;
};

/** The option for an entity read with `entityPickerFields`. */
export function entityOption(entity: Entity): EntityOption {
  const spec = (entity.spec ?? {}) as {
    owner?: unknown;
    profile?: { displayName?: unknown };
  };
  const displayName = spec.profile?.displayName;
  const owner = typeof spec.owner === 'string' ? spec.owner : undefined;
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind,
    title:
      (typeof displayName === 'string' && displayName) ||
      entity.metadata.title ||
      entity.metadata.name,
    owner: owner && ownerName(owner, entity.metadata.namespace),
  };
}

/**
 * What shows for a chosen ref the catalog has not (or no longer) described:
 * the ref itself, shortened as the catalog shortens it.
 */
export function placeholderOption(ref: string): EntityOption {
  try {
    return { ref, kind: '', title: humanizeEntityRef(parseEntityRef(ref)) };
  } catch {
    return { ref, kind: '', title: ref };
  }
}

function ownerName(owner: string, namespace?: string) {
  try {
    return humanizeEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: namespace ?? 'default',
      }),
      { defaultKind: 'group' },
    );
  } catch {
    return owner;
  }
}
