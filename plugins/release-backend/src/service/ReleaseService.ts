import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  ReleaseBreakdown,
  derivePriority,
  editReleaseSchema,
  formatReleaseNumber,
  isOpen,
  registerReleaseSchema,
  Release,
  releaseCreatePermission,
  ReleaseDetails,
  ReleaseHistoryEntry,
  ReleaseList,
  releaseListQuerySchema,
  ReleaseModel,
  releaseUpdatePermission,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { actorOf, audited, userRefOf } from './audit';
import { diffFields } from './historyChanges';
import { fieldError, parseInput } from './parseInput';
import {
  findRelease,
  loadReadableRelease,
  releaseDetails,
  ServiceContext,
} from './ServiceContext';
import { activitiesFromTemplates } from './activityTemplates';

/**
 * Register, edit, read and list releases (docs/process.md#register-a-release,
 * docs/process.md#the-desktop, docs/process.md#history).
 */
export class ReleaseService {
  constructor(private readonly context: ServiceContext) {}

  async register(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseDetails> {
    const input = parseInput(registerReleaseSchema, body);
    const { store, authorizer, auditor, now } = this.context;
    await authorizer.require(releaseCreatePermission, credentials);

    const actor = actorOf(credentials);
    const requester = input.requester ?? userRefOf(credentials);
    if (!requester) {
      throw fieldError('requester', 'is required');
    }

    const created = await audited(
      auditor,
      {
        eventId: 'release-register',
        credentials,
        meta: { title: input.title },
      },
      () =>
        store.transaction(async tx => {
          const { portfolioId, model } = await resolveModel(
            tx,
            input.portfolioId ?? null,
            input.modelId ?? null,
          );
          const at = now();
          const impact = input.impact ?? model?.defaultImpact ?? 'medium';
          const urgency = input.urgency ?? model?.defaultUrgency ?? 'medium';
          const sequence = await tx.releases.allocateNumber();
          const release: Release = {
            id: randomUUID(),
            number: formatReleaseNumber(sequence),
            title: input.title,
            description: input.description ?? '',
            type: input.type,
            impact,
            urgency,
            priority: derivePriority(impact, urgency),
            risk: input.risk ?? 'medium',
            businessJustification: input.businessJustification ?? null,
            requester,
            manager: input.manager ?? null,
            executorGroup:
              input.executorGroup ?? model?.defaultExecutorGroup ?? null,
            portfolioId,
            modelId: model?.id ?? null,
            versionLabel: input.versionLabel ?? null,
            plannedStart: input.plannedStart ?? null,
            plannedEnd: input.plannedEnd ?? null,
            actualStart: null,
            actualEnd: null,
            outcome: null,
            closureNotes: null,
            status: 'registered',
            suspendedFrom: null,
            resumeAt: null,
            reworkCount: 0,
            reopenCount: 0,
            createdBy: actor,
            createdAt: at.toISOString(),
            updatedAt: at.toISOString(),
            closedAt: null,
            version: 1,
          };
          await tx.releases.insert(release, sequence);
          for (const activity of activitiesFromTemplates(
            release.id,
            model,
            at,
          )) {
            await tx.activities.insert(activity);
          }
          await tx.history.append({
            releaseId: release.id,
            at,
            actor,
            kind: 'created',
            action: 'register',
            fromStatus: null,
            toStatus: 'registered',
            changes: diffFields(
              {},
              {
                title: release.title,
                type: release.type,
                priority: release.priority,
                requester: release.requester,
                manager: release.manager,
                executorGroup: release.executorGroup,
                portfolioId: release.portfolioId,
                modelId: release.modelId,
                plannedStart: release.plannedStart,
                plannedEnd: release.plannedEnd,
              },
            ),
            justificationId: null,
            comment: null,
          });
          return release;
        }),
    );
    // Independent of each other once the release is committed.
    await Promise.all([
      this.context.events.publish({
        type: 'release.registered',
        releaseId: created.id,
        number: created.number,
        actor,
      }),
      this.context.signals?.changed(created.id),
      this.context.notifier?.changed(created, 'register'),
    ]);
    // Not `get`: the registrant sees what they registered even when the
    // policy would not let them read it later; a 403 here would hide a
    // release that was written.
    const [resource] = await store.releases.getResources([created.id]);
    return releaseDetails(this.context, resource!, credentials);
  }

  async edit(
    id: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseDetails> {
    const { expectedVersion, ...input } = parseInput(editReleaseSchema, body);
    const { store, authorizer, auditor, now } = this.context;
    const current = await loadReadableRelease(
      this.context,
      store,
      id,
      credentials,
    );
    await authorizer.requireOn(releaseUpdatePermission, current, credentials);

    await audited(
      auditor,
      { eventId: 'release-edit', credentials, meta: { releaseId: id } },
      () =>
        store.transaction(async tx => {
          const release = (await tx.releases.get(id))!;
          if (!isOpen(release.status)) {
            throw new ConflictError(
              `${release.number} is ${release.status}; reopen it before editing`,
            );
          }
          const merged = { ...release, ...input };
          if (
            merged.plannedStart &&
            merged.plannedEnd &&
            Date.parse(merged.plannedEnd) <= Date.parse(merged.plannedStart)
          ) {
            throw fieldError('plannedEnd', 'must be after plannedStart');
          }
          if (input.portfolioId !== undefined || input.modelId !== undefined) {
            const { portfolioId, model } = await resolveModel(
              tx,
              merged.portfolioId,
              merged.modelId,
            );
            merged.portfolioId = portfolioId;
            merged.modelId = model?.id ?? null;
          }
          const changes: Partial<Release> = {
            ...input,
            portfolioId: merged.portfolioId,
            modelId: merged.modelId,
            priority: derivePriority(merged.impact, merged.urgency),
          };
          const diff = diffFields(release, changes);
          const updated = await tx.releases.update(
            id,
            expectedVersion,
            changes,
            now(),
          );
          if (!updated) {
            throw staleVersion(release, expectedVersion);
          }
          await tx.history.append({
            releaseId: id,
            at: now(),
            actor: actorOf(credentials),
            kind: 'edited',
            action: 'edit',
            fromStatus: null,
            toStatus: null,
            changes: diff,
            justificationId: null,
            comment: null,
          });
        }),
    );
    await this.context.signals?.changed(id);
    return this.get(id, credentials);
  }

  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<ReleaseDetails> {
    const release = await findRelease(this.context.store, id);
    // One policy call for both the read check and the allowed actions.
    const decisions = await this.context.authorizer.pageDecisions(credentials);
    if (!decisions.mayRead(release)) {
      throw new NotAllowedError(`You may not see ${release.number}`);
    }
    const [actions] = decisions.actionsOf([release]);
    return releaseDetails(this.context, release, credentials, actions);
  }

  async list(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseList> {
    const parsed = parseInput(releaseListQuerySchema, query);
    const { authorizer, store } = this.context;
    const decisions = await authorizer.pageDecisions(credentials);
    const list = await store.queries.list(parsed, decisions.visibility);
    const actions = decisions.actionsOf(list.items);
    const touches = parsed.entityRef
      ? await store.impact.touches(
          list.items.map(item => item.id),
          parsed.entityRef,
        )
      : undefined;
    return {
      ...list,
      items: list.items.map(({ authorizerGroup: _, ...item }, i) => ({
        ...item,
        allowedActions: actions[i],
        ...(touches ? { touch: touches.get(item.id) } : {}),
      })),
    };
  }

  /** The desktop's charts, over the same filters as `list`. */
  async breakdown(
    query: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseBreakdown> {
    const parsed = parseInput(releaseListQuerySchema, query);
    const visibility = await this.context.authorizer.visibility(credentials);
    return this.context.store.queries.breakdown(parsed, visibility);
  }

  async history(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<ReleaseHistoryEntry[]> {
    await loadReadableRelease(
      this.context,
      this.context.store,
      id,
      credentials,
    );
    return this.context.store.history.listForRelease(id);
  }
}

/** The 409 for an edit or action based on an outdated copy of the release. */
export function staleVersion(
  release: Pick<Release, 'number' | 'version'>,
  expectedVersion: number,
): ConflictError {
  return new ConflictError(
    `${release.number} was changed by someone else: you sent version ${expectedVersion}, ` +
      `it is now at version ${release.version}. Reload it and try again.`,
  );
}

/** Checks portfolio and model ids; a model must be active and in the portfolio. */
async function resolveModel(
  tx: ReleaseRepositories,
  portfolioId: string | null,
  modelId: string | null,
): Promise<{ portfolioId: string | null; model: ReleaseModel | undefined }> {
  if (portfolioId && !(await tx.portfolios.get(portfolioId))) {
    throw fieldError('portfolioId', `no portfolio ${portfolioId}`);
  }
  if (!modelId) {
    return { portfolioId, model: undefined };
  }
  const model = await tx.portfolios.getModel(modelId);
  if (!model) {
    throw fieldError('modelId', `no release model ${modelId}`);
  }
  if (portfolioId && model.portfolioId !== portfolioId) {
    throw fieldError('modelId', 'the model belongs to another portfolio');
  }
  if (model.lifecycle !== 'active') {
    throw fieldError(
      'modelId',
      `the model "${model.name}" is ${model.lifecycle}; only active models can be chosen`,
    );
  }
  return { portfolioId: model.portfolioId, model };
}
