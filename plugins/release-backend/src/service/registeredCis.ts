import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CiRole, ReleaseRelation } from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { directImpact } from '../impact/catalogNodes';
import { actorOf } from './audit';
import { recordChange } from './releaseChanges';
import { ServiceContext } from './ServiceContext';

/** A CI named at registration, with its catalog entity. */
export type RegisteredCi = { entityRef: string; role: CiRole; entity: Entity };

/**
 * Relates the CIs named at registration inside the registering transaction,
 * as adding each on the release page would: the relation, its direct row
 * in the impact index, and a history entry (docs/impact.md). Returns the
 * relations as written.
 */
export async function relateCis(
  context: ServiceContext,
  tx: ReleaseRepositories,
  releaseId: string,
  cis: RegisteredCi[],
  credentials: BackstageCredentials,
): Promise<ReleaseRelation[]> {
  const related: ReleaseRelation[] = [];
  for (const ci of cis) {
    const relation: ReleaseRelation = {
      id: randomUUID(),
      createdBy: actorOf(credentials),
      createdAt: context.now().toISOString(),
      kind: 'ci',
      entityRef: ci.entityRef,
      role: ci.role,
      missingSince: null,
    };
    await tx.relations.insert(releaseId, relation);
    related.push(relation);
    await tx.impact.addDirect(releaseId, directImpact(ci.entity));
    await recordChange(context, tx, {
      releaseId,
      credentials,
      kind: 'relation',
      action: 'relation-added',
      changes: {
        relation: { before: null, after: `${ci.entityRef} (${ci.role})` },
      },
    });
  }
  return related;
}
