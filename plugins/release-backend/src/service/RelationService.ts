import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  DefinitiveMediaItem,
  mediaSchema,
  relationSchema,
  Release,
  ReleaseRelation,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { directImpact } from '../impact/catalogNodes';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { actorOf } from './audit';
import {
  authorizeReleaseUpdate,
  PartChange,
  recordChange,
  runReleaseChange,
} from './releaseChanges';
import { fieldError, parseInput } from './parseInput';
import { ImpactService } from './ImpactService';
import { restartedRound } from './approvalRounds';
import { staleVersion } from './ReleaseService';
import { isUuid, ServiceContext } from './ServiceContext';

/**
 * Relate CIs, external records and definitive media
 * (docs/process.md#relations).
 */
export class RelationService {
  constructor(
    private readonly context: ServiceContext,
    private readonly impact: ImpactService,
  ) {}

  async add(
    releaseId: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseRelation> {
    const input = parseInput(relationSchema, body);
    await this.authorize(releaseId, credentials);
    let entity: Entity | undefined;
    if (input.kind === 'ci') {
      // The catalog is the CMDB: a CI must be an entity the caller can see.
      entity = await this.context.catalog.getEntityByRef(input.entityRef, {
        credentials,
      });
      if (!entity) {
        throw fieldError(
          'entityRef',
          `${input.entityRef} is not in the catalog`,
        );
      }
    }
    return this.run(
      'release-relation-add',
      releaseId,
      credentials,
      async (tx, release) => {
        const existing =
          input.kind === 'ci'
            ? await tx.relations.findCi(releaseId, input.entityRef)
            : await tx.relations.findExternal(releaseId, input.kind, input.key);
        if (existing) {
          throw new ConflictError(
            `The release is already related to ${label(existing)}`,
          );
        }
        const common = {
          id: randomUUID(),
          createdBy: actorOf(credentials),
          createdAt: this.context.now().toISOString(),
        };
        const relation: ReleaseRelation =
          input.kind === 'ci'
            ? {
                ...common,
                kind: 'ci',
                entityRef: input.entityRef,
                role: input.role,
                missingSince: null,
              }
            : {
                ...common,
                kind: input.kind,
                key: input.key,
                title: input.title,
                url: input.url ?? null,
                system: input.system ?? null,
              };
        await tx.relations.insert(releaseId, relation);
        if (relation.kind === 'ci') {
          await tx.impact.addDirect(releaseId, directImpact(entity!));
          await this.restartApprovals(tx, release, credentials);
        }
        await this.record(
          tx,
          releaseId,
          credentials,
          'relation-added',
          label(relation),
          null,
        );
        return relationChange(relation, 'added', []);
      },
      // Walked before the change is announced, so the signal and the pages
      // of the entities the walk reached list the release too.
      added => this.refreshImpact(releaseId, added),
    );
  }

  async remove(
    releaseId: string,
    relationId: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await this.authorize(releaseId, credentials);
    const touchedBefore = await this.touchedBefore(releaseId);
    await this.run(
      'release-relation-remove',
      releaseId,
      credentials,
      async (tx, release) => {
        // Ids are UUIDs: anything else is unknown, not a database error.
        const deleted = isUuid(relationId)
          ? await tx.relations.delete(releaseId, relationId)
          : undefined;
        if (!deleted) {
          throw new NotFoundError(`No relation ${relationId} on this release`);
        }
        if (deleted.kind === 'ci') {
          await tx.impact.removeVia(releaseId, deleted.entityRef);
          await this.restartApprovals(tx, release, credentials);
        }
        await this.record(
          tx,
          releaseId,
          credentials,
          'relation-removed',
          null,
          label(deleted),
        );
        return relationChange(deleted, 'removed', touchedBefore);
      },
      // What the other CIs reached through this one is walked again.
      deleted => this.refreshImpact(releaseId, deleted),
    );
  }

  async addMedia(
    releaseId: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<DefinitiveMediaItem> {
    const input = parseInput(mediaSchema, body);
    await this.authorize(releaseId, credentials);
    return this.run('release-media-add', releaseId, credentials, async tx => {
      const item: DefinitiveMediaItem = {
        id: randomUUID(),
        name: input.name,
        version: input.version ?? null,
        location: input.location ?? null,
        checksum: input.checksum ?? null,
        createdBy: actorOf(credentials),
        createdAt: this.context.now().toISOString(),
      };
      await tx.relations.insertMedia(releaseId, item);
      await this.record(
        tx,
        releaseId,
        credentials,
        'media-added',
        mediaLabel(item),
        null,
      );
      return mediaChange(item, 'added');
    });
  }

  async removeMedia(
    releaseId: string,
    mediaId: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await this.authorize(releaseId, credentials);
    await this.run('release-media-remove', releaseId, credentials, async tx => {
      const removed = isUuid(mediaId)
        ? await tx.relations.deleteMedia(releaseId, mediaId)
        : undefined;
      if (!removed) {
        throw new NotFoundError(`No media item ${mediaId} on this release`);
      }
      await this.record(
        tx,
        releaseId,
        credentials,
        'media-removed',
        null,
        mediaLabel(removed),
      );
      return mediaChange(removed, 'removed');
    });
  }

  /**
   * Other CIs are not what the approvers approved: a new round starts, in
   * this change's transaction (docs/approvals.md#invalidation).
   */
  private async restartApprovals(
    tx: ReleaseRepositories,
    release: Release,
    credentials: BackstageCredentials,
  ) {
    const restarted = await restartedRound(
      this.context,
      tx,
      release,
      release,
      'configuration items changed',
      credentials,
    );
    if (!restarted) {
      return;
    }
    const updated = await tx.releases.update(
      release.id,
      release.version,
      { status: restarted.status },
      this.context.now(),
    );
    if (!updated) {
      throw staleVersion(release, release.version);
    }
    await restarted.write(tx);
  }

  private async authorize(
    releaseId: string,
    credentials: BackstageCredentials,
  ) {
    await authorizeReleaseUpdate(this.context, releaseId, credentials);
  }

  private run<T>(
    eventId: string,
    releaseId: string,
    credentials: BackstageCredentials,
    work: (tx: ReleaseRepositories, release: Release) => Promise<PartChange<T>>,
    afterCommit?: (result: T) => Promise<void>,
  ): Promise<T> {
    return runReleaseChange(
      this.context,
      {
        eventId,
        releaseId,
        credentials,
        openOnly: 'changing its relations',
        afterCommit,
      },
      work,
    );
  }

  /** What the release touches before a removal, which may shrink it. */
  private async touchedBefore(releaseId: string): Promise<string[]> {
    return (await this.context.signals?.touched(releaseId)) ?? [];
  }

  private async refreshImpact(releaseId: string, relation: ReleaseRelation) {
    if (relation.kind === 'ci') {
      await this.impact.refreshQuietly(releaseId);
    }
  }

  private record(
    tx: ReleaseRepositories,
    releaseId: string,
    credentials: BackstageCredentials,
    action: string,
    after: string | null,
    before: string | null,
  ) {
    return recordChange(this.context, tx, {
      releaseId,
      credentials,
      kind: 'relation',
      action,
      changes: { relation: { before, after } },
    });
  }
}

function label(relation: ReleaseRelation): string {
  return relation.kind === 'ci'
    ? `${relation.entityRef} (${relation.role})`
    : `${relation.kind} ${relation.key}: ${relation.title}`;
}

function mediaLabel(item: DefinitiveMediaItem): string {
  return item.version ? `${item.name} ${item.version}` : item.name;
}

function relationChange(
  relation: ReleaseRelation,
  change: 'added' | 'removed',
  touchedBefore: string[],
): PartChange<ReleaseRelation> {
  return {
    result: relation,
    change: release => ({
      kind: 'relation',
      release,
      change,
      relation,
      touchedBefore,
    }),
  };
}

function mediaChange(
  item: DefinitiveMediaItem,
  change: 'added' | 'removed',
): PartChange<DefinitiveMediaItem> {
  return {
    result: item,
    change: release => ({ kind: 'media', release, change, item }),
  };
}
