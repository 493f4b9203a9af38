import {
  DefinitiveMediaItem,
  ReleaseCiRelation,
  ReleaseExternalRelation,
  ReleaseRelation,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { toIso } from './dates';
import { insertInChunks } from './insertInChunks';

function ciFromRow(row: any): ReleaseCiRelation {
  return {
    id: row.id,
    kind: 'ci',
    entityRef: row.entity_ref,
    role: row.role,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at)!,
    missingSince: toIso(row.missing_since),
  };
}

function externalFromRow(row: any): ReleaseExternalRelation {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    title: row.title,
    url: row.url,
    system: row.source_system,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at)!,
  };
}

function mediaFromRow(row: any): DefinitiveMediaItem {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    location: row.location,
    checksum: row.checksum,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at)!,
  };
}

/**
 * CIs, records in other systems and definitive media
 * (docs/process.md#relations).
 */
export class RelationRepository {
  constructor(private readonly db: Knex) {}

  async listForRelease(releaseId: string): Promise<ReleaseRelation[]> {
    const [cis, externals] = await Promise.all([
      this.db('release_ci_relations')
        .where({ release_id: releaseId })
        .orderBy('created_at'),
      this.db('release_external_relations')
        .where({ release_id: releaseId })
        .orderBy('created_at'),
    ]);
    return [...cis.map(ciFromRow), ...externals.map(externalFromRow)];
  }

  async countCis(releaseId: string): Promise<number> {
    const row = await this.db('release_ci_relations')
      .where({ release_id: releaseId })
      .count({ count: '*' })
      .first();
    return Number(row?.count ?? 0);
  }

  async findCi(
    releaseId: string,
    entityRef: string,
  ): Promise<ReleaseCiRelation | undefined> {
    const row = await this.db('release_ci_relations')
      .where({ release_id: releaseId, entity_ref: entityRef })
      .first();
    return row ? ciFromRow(row) : undefined;
  }

  /**
   * Flags the release's CIs that the catalog no longer has, keeping the
   * time each was first found missing, and unflags those that are back.
   */
  async flagMissing(
    releaseId: string,
    missingRefs: string[],
    now: Date,
  ): Promise<void> {
    const missing = new Set(missingRefs.map(ref => ref.toLocaleLowerCase()));
    const rows = await this.db('release_ci_relations')
      .where({ release_id: releaseId })
      .select('id', 'entity_ref', 'missing_since');
    const isMissing = (row: any) =>
      missing.has(String(row.entity_ref).toLocaleLowerCase());
    const gone = rows.filter(row => isMissing(row) && !row.missing_since);
    const back = rows.filter(row => !isMissing(row) && row.missing_since);
    if (gone.length > 0) {
      await this.db('release_ci_relations')
        .whereIn(
          'id',
          gone.map(row => row.id),
        )
        .update({ missing_since: now });
    }
    if (back.length > 0) {
      await this.db('release_ci_relations')
        .whereIn(
          'id',
          back.map(row => row.id),
        )
        .update({ missing_since: null });
    }
  }

  async findExternal(
    releaseId: string,
    kind: string,
    key: string,
  ): Promise<ReleaseExternalRelation | undefined> {
    const row = await this.db('release_external_relations')
      .where({ release_id: releaseId, kind, key })
      .first();
    return row ? externalFromRow(row) : undefined;
  }

  async insert(releaseId: string, relation: ReleaseRelation): Promise<void> {
    await this.insertMany([{ releaseId, relation }]);
  }

  /** Inserts relations of any releases in few statements. */
  async insertMany(
    items: Array<{ releaseId: string; relation: ReleaseRelation }>,
  ): Promise<void> {
    const common = (releaseId: string, relation: ReleaseRelation) => ({
      id: relation.id,
      release_id: releaseId,
      created_by: relation.createdBy,
      created_at: new Date(relation.createdAt),
    });
    const cis: Record<string, unknown>[] = [];
    const externals: Record<string, unknown>[] = [];
    for (const { releaseId, relation } of items) {
      if (relation.kind === 'ci') {
        cis.push({
          ...common(releaseId, relation),
          entity_ref: relation.entityRef,
          role: relation.role,
        });
      } else {
        externals.push({
          ...common(releaseId, relation),
          kind: relation.kind,
          key: relation.key,
          title: relation.title,
          url: relation.url,
          source_system: relation.system,
        });
      }
    }
    await insertInChunks(this.db, 'release_ci_relations', cis);
    await insertInChunks(this.db, 'release_external_relations', externals);
  }

  /** Removes a relation of either kind; returns what was removed. */
  async delete(
    releaseId: string,
    id: string,
  ): Promise<ReleaseRelation | undefined> {
    const ci = await this.db('release_ci_relations')
      .where({ release_id: releaseId, id })
      .first();
    if (ci) {
      await this.db('release_ci_relations').where({ id }).delete();
      return ciFromRow(ci);
    }
    const external = await this.db('release_external_relations')
      .where({ release_id: releaseId, id })
      .first();
    if (external) {
      await this.db('release_external_relations').where({ id }).delete();
      return externalFromRow(external);
    }
    return undefined;
  }

  async listMedia(releaseId: string): Promise<DefinitiveMediaItem[]> {
    const rows = await this.db('release_media')
      .where({ release_id: releaseId })
      .orderBy('created_at');
    return rows.map(mediaFromRow);
  }

  async insertMedia(
    releaseId: string,
    item: DefinitiveMediaItem,
  ): Promise<void> {
    await this.db('release_media').insert({
      id: item.id,
      release_id: releaseId,
      name: item.name,
      version: item.version,
      location: item.location,
      checksum: item.checksum,
      created_by: item.createdBy,
      created_at: new Date(item.createdAt),
    });
  }

  async deleteMedia(
    releaseId: string,
    id: string,
  ): Promise<DefinitiveMediaItem | undefined> {
    const row = await this.db('release_media')
      .where({ release_id: releaseId, id })
      .first();
    if (row) {
      await this.db('release_media').where({ id }).delete();
    }
    return row ? mediaFromRow(row) : undefined;
  }
}
