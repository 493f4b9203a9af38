import { Release } from '@internal/plugin-release-common';

/**
 * Why the user may not decide a step of this release, or null: its
 * requester and its manager may not approve their own change
 * (docs/approvals.md#separation-of-duties).
 */
export function separationOfDutiesBlocks(
  release: Pick<Release, 'number' | 'requester' | 'manager'>,
  user: string,
  enforced: boolean,
): string | null {
  if (!enforced) {
    return null;
  }
  const same = (ref: string | null) =>
    ref !== null && ref.toLocaleLowerCase() === user.toLocaleLowerCase();
  if (same(release.requester)) {
    return `you requested ${release.number}; separation of duties keeps its requester from deciding its approval`;
  }
  if (same(release.manager)) {
    return `you manage ${release.number}; separation of duties keeps its manager from deciding its approval`;
  }
  return null;
}
