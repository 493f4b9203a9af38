import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Justification,
  releaseJustificationManagePermission,
  justificationSchema,
  updateJustificationSchema,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { runCatalogueChange } from './releaseChanges';
import { isUuid, ServiceContext } from './ServiceContext';
import { parseInput } from './parseInput';

/**
 * The catalogue of standard reasons
 * (docs/process.md#the-justification-catalogue); reasons are never deleted.
 */
export class JustificationService {
  constructor(private readonly context: ServiceContext) {}

  list(): Promise<Justification[]> {
    return this.context.store.justifications.list();
  }

  async create(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Justification> {
    const input = parseInput(justificationSchema, body);
    await this.context.authorizer.require(
      releaseJustificationManagePermission,
      credentials,
    );
    return runCatalogueChange(
      this.context,
      { subject: 'justification', change: 'created' },
      { credentials, meta: { name: input.name } },
      () =>
        this.context.store.transaction(async tx => {
          if (await tx.justifications.findByName(input.name)) {
            throw new ConflictError(
              `A justification named "${input.name}" exists`,
            );
          }
          const justification: Justification = {
            id: randomUUID(),
            name: input.name,
            description: input.description ?? '',
            active: input.active ?? true,
            appliesTo: [...new Set(input.appliesTo)],
          };
          await tx.justifications.insert(justification, this.context.now());
          return justification;
        }),
    );
  }

  async update(
    id: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<Justification> {
    const input = parseInput(updateJustificationSchema, body);
    await this.context.authorizer.require(
      releaseJustificationManagePermission,
      credentials,
    );
    return runCatalogueChange(
      this.context,
      { subject: 'justification', change: 'updated' },
      { credentials, meta: { id } },
      () =>
        this.context.store.transaction(async tx => {
          const existing = isUuid(id)
            ? await tx.justifications.get(id)
            : undefined;
          if (!existing) {
            throw new NotFoundError(`No justification ${id}`);
          }
          if (input.name && input.name !== existing.name) {
            if (await tx.justifications.findByName(input.name)) {
              throw new ConflictError(
                `A justification named "${input.name}" exists`,
              );
            }
          }
          return (await tx.justifications.update(
            id,
            {
              ...input,
              appliesTo: input.appliesTo && [...new Set(input.appliesTo)],
            },
            this.context.now(),
          ))!;
        }),
    );
  }
}
