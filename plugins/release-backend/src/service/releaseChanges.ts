import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  FieldChange,
  HistoryKind,
  isOpen,
  Release,
  releaseUpdatePermission,
} from '@internal/plugin-release-common';
import { ReleaseChange } from '../changes/ReleaseChange';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { ReleasePermissionResource } from '../permissions';
import { actorOf } from './audit';
import { loadReadableRelease, ServiceContext } from './ServiceContext';

/*
 * What changes to a release's parts (activities, relations, media) share:
 * the permission check, one audited transaction that marks the release as
 * changed, a history entry, and the after-commit step.
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

/** What a part change's work returns: its result and how to describe it. */
export type PartChange<T> = {
  result: T;
  change: (release: Release) => ReleaseChange;
};

/**
 * Runs `work` in one audited transaction on the release as it is inside
 * it, marks the release as changed, and hands the change to the
 * after-commit step. With `openOnly`, a closed or cancelled release is
 * refused (409). `afterCommit` runs once the transaction is committed and
 * before the change is announced (an impact walk, say).
 */
export async function runReleaseChange<T>(
  context: ServiceContext,
  options: {
    eventId: string;
    releaseId: string;
    credentials: BackstageCredentials;
    openOnly?: string;
    afterCommit?: (result: T) => Promise<void>;
  },
  work: (tx: ReleaseRepositories, release: Release) => Promise<PartChange<T>>,
): Promise<T> {
  const { eventId, releaseId, credentials, openOnly } = options;
  return context.changes.run(
    { eventId, credentials, meta: { releaseId } },
    async () => {
      const { result, change } = await context.changes.transaction(async tx => {
        const release = (await tx.releases.get(releaseId))!;
        if (openOnly && !isOpen(release.status)) {
          throw new ConflictError(
            `${release.number} is ${release.status}; reopen it before ${openOnly}`,
          );
        }
        const done = await work(tx, release);
        const touched = await tx.releases.touch(releaseId, context.now());
        return { result: done.result, change: done.change(touched) };
      });
      await options.afterCommit?.(result);
      return { result, change };
    },
  );
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

/**
 * Runs a change of reference data (a portfolio, a release model, a
 * justification) in its audit event, `release-<subject>-create` or
 * `-update`; the after-commit step knows it announces nothing else.
 */
export function runCatalogueChange<T extends { id: string }>(
  context: ServiceContext,
  what: {
    subject: 'portfolio' | 'model' | 'justification';
    change: 'created' | 'updated';
  },
  audit: { credentials: BackstageCredentials; meta: Record<string, unknown> },
  work: () => Promise<T>,
): Promise<T> {
  const verb = what.change === 'created' ? 'create' : 'update';
  const eventId = `release-${what.subject}-${verb}`;
  return context.changes.run({ eventId, ...audit }, async () => {
    const result = await work();
    return {
      result,
      change: { kind: 'catalogue', ...what, id: result.id },
    };
  });
}
