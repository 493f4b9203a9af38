import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  FieldChange,
  HistoryKind,
  isOpen,
  releaseUpdatePermission,
} from '@internal/plugin-release-common';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { ReleasePermissionResource } from '../permissions';
import { actorOf, audited } from './audit';
import { loadReadableRelease, ServiceContext } from './ServiceContext';

/*
 * What changes to a release's parts (activities, relations, media) share:
 * the permission check, one audited transaction that marks the release as
 * changed, and a history entry.
 */

/** Loads the release and checks the caller may edit it (404 / 403). */
export async function authorizeReleaseUpdate(
  context: ServiceContext,
  releaseId: string,
  credentials: BackstageCredentials,
): Promise<ReleasePermissionResource> {
  const release = await loadReadableRelease(
    context,
    context.store,
    releaseId,
    credentials,
  );
  await context.authorizer.requireOn(
    releaseUpdatePermission,
    release,
    credentials,
  );
  return release;
}

/**
 * Runs `work` in one audited transaction and marks the release as changed,
 * then signals the change. With `openOnly`, a closed or cancelled release is
 * refused (409).
 */
export async function runReleaseChange<T>(
  context: ServiceContext,
  options: {
    eventId: string;
    releaseId: string;
    credentials: BackstageCredentials;
    openOnly?: string;
  },
  work: (tx: ReleaseRepositories) => Promise<T>,
): Promise<T> {
  const { eventId, releaseId, credentials, openOnly } = options;
  // Before the change: removing a CI stops touching entities to signal.
  const touchedBefore = (await context.signals?.touched(releaseId)) ?? [];
  const result = await audited(
    context.auditor,
    { eventId, credentials, meta: { releaseId } },
    () =>
      context.store.transaction(async tx => {
        if (openOnly) {
          const release = (await tx.releases.get(releaseId))!;
          if (!isOpen(release.status)) {
            throw new ConflictError(
              `${release.number} is ${release.status}; reopen it before ${openOnly}`,
            );
          }
        }
        const changed = await work(tx);
        await tx.releases.touch(releaseId, context.now());
        return changed;
      }),
  );
  await context.signals?.changed(releaseId, touchedBefore);
  return result;
}

/** Appends a change that is not a transition to the release's history. */
export async function recordChange(
  context: ServiceContext,
  tx: ReleaseRepositories,
  entry: {
    releaseId: string;
    credentials: BackstageCredentials;
    kind: HistoryKind;
    action: string;
    changes: Record<string, FieldChange>;
    comment?: string | null;
  },
): Promise<void> {
  await tx.history.append({
    releaseId: entry.releaseId,
    at: context.now(),
    actor: actorOf(entry.credentials),
    kind: entry.kind,
    action: entry.action,
    fromStatus: null,
    toStatus: null,
    changes: entry.changes,
    justificationId: null,
    comment: entry.comment ?? null,
  });
}
