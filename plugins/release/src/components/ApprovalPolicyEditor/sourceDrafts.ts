import { CiKind } from '@internal/plugin-release-common';

/** One "owners of impacted entities" source as the form holds it. */
export type OwnersDraft = {
  kind: 'impacted-owners';
  /** Keeps a source's fields with it as others are removed; never sent. */
  key: number;
  entityKinds: CiKind[];
  /** As typed. */
  maxDistance: string;
};

/**
 * One source of approvers, in the order the step lists them: a policy
 * saved elsewhere comes back exactly as it was, whatever its order.
 */
export type SourceDraft =
  | { kind: 'group'; group: string }
  | OwnersDraft
  | { kind: 'requester' };

let owners = 0;

export const newOwners = (
  entityKinds: CiKind[] = ['system'],
  maxDistance = '1',
): OwnersDraft => ({
  kind: 'impacted-owners',
  key: ++owners,
  entityKinds,
  maxDistance,
});

/** Where a new source goes: groups, then owners, then the requester. */
const RANK: Record<SourceDraft['kind'], number> = {
  group: 0,
  'impacted-owners': 1,
  requester: 2,
};

/**
 * The sources with one more, after the last of its kind (or of a kind that
 * comes before it), so a fresh step reads groups, owners, requester and a
 * saved one keeps its order.
 */
export function withSource(
  sources: SourceDraft[],
  source: SourceDraft,
): SourceDraft[] {
  let at = 0;
  sources.forEach((other, index) => {
    if (RANK[other.kind] <= RANK[source.kind]) at = index + 1;
  });
  return [...sources.slice(0, at), source, ...sources.slice(at)];
}

/**
 * The sources with the groups the picker now holds: those kept stay where
 * they were, new ones follow the last group.
 */
export function withGroups(
  sources: SourceDraft[],
  groups: string[],
): SourceDraft[] {
  const left = [...groups];
  const kept = sources.filter(source => {
    if (source.kind !== 'group') return true;
    const index = left.indexOf(source.group);
    if (index < 0) return false;
    left.splice(index, 1);
    return true;
  });
  return left.reduce<SourceDraft[]>(
    (list, group) => withSource(list, { kind: 'group', group }),
    kept,
  );
}
