import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  CiRole,
  Portfolio,
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
  ReleaseActivity,
  ReleaseModel,
  ReleaseRelation,
  releaseUpdatePermission,
} from '@internal/plugin-release-common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Committed } from '../changes/ReleaseChange';
import { NewHistoryEntry } from '../database/HistoryRepository';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { ReleasePermissionResource, withoutRuleFacts } from '../permissions';
import { actorOf, userRefOf } from './audit';
import { diffFields } from './historyChanges';
import { fieldError, FieldInputError, parseInput } from './parseInput';
import { ImpactService } from './ImpactService';
import { RegisteredCi, relateCis } from './registeredCis';
import {
  findRelease,
  loadReadableRelease,
  releaseDetails,
  ServiceContext,
} from './ServiceContext';
import { activitiesFromTemplates } from './activityTemplates';
import { REGISTERED_STATE } from './registeredState';
import { restartedRound } from './approvalRounds';
import { approvalRequestOf } from '../changes/ReleaseChange';
import { ownershipRefsOf } from './approvalPolicies';
import { readApprovalState } from './approvalDetails';
import { applyRiskChoice } from './riskOverride';

/**
 * Register, edit, read and list releases (docs/process.md#register-a-release,
 * docs/process.md#the-desktop, docs/process.md#history).
 */
export class ReleaseService {
  constructor(
    private readonly context: ServiceContext,
    private readonly impact: ImpactService,
  ) {}

  async register(
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseDetails> {
    const input = parseInput(registerReleaseSchema, body);
    const { store, authorizer, changes, now } = this.context;
    await authorizer.require(releaseCreatePermission, credentials);

    const actor = actorOf(credentials);
    const requester = input.requester ?? userRefOf(credentials);
    if (!requester) {
      throw fieldError('requester', 'is required');
    }
    // The catalog is the CMDB: each CI must be an entity the caller can see.
    const cis = await this.catalogEntities(input.cis ?? [], credentials);

    return changes.run(
      {
        eventId: 'release-register',
        credentials,
        meta: { title: input.title },
      },
      async () => {
        const committed =
          store.releases.writesInOneStatement &&
          cis.length === 0 &&
          !input.modelId
            ? await this.registerInOneStatement(input, requester, credentials)
            : await changes.transaction(async tx => {
                const { portfolio, model } = await resolveModel(
                  tx,
                  input.portfolioId ?? null,
                  input.modelId ?? null,
                );
                const at = now();
                const sequence = await tx.releases.allocateNumber();
                const release: Release = {
                  ...newRelease(input, {
                    portfolio,
                    model,
                    requester,
                    actor,
                    at,
                  }),
                  number: formatReleaseNumber(sequence),
                };
                await tx.releases.insert(release, sequence);
                const activities = activitiesFromTemplates(
                  release.id,
                  model,
                  at,
                );
                await tx.activities.insertMany(activities);
                await tx.history.append(registrationEntry(release, at));
                const relations = await relateCis(
                  this.context,
                  tx,
                  release.id,
                  cis,
                  credentials,
                );
                const resource = {
                  ...release,
                  authorizerGroup: portfolio?.authorizerGroup ?? null,
                };
                return {
                  result: { resource, activities, relations },
                  change: {
                    kind: 'registered' as const,
                    release,
                    withCis: cis.length > 0,
                  },
                };
              });
        if (cis.length > 0) {
          // Walked before the registration is announced, so its signal and
          // notifications reach the entities the CIs affect.
          await this.impact.refreshQuietly(committed.result.resource.id);
        }
        return committed;
      },
      // From what the transaction wrote, not `get`: the registrant sees
      // what they registered even when the policy would not let them read
      // it later (a 403 here would hide a release that was written), and a
      // new release has nothing else to read back.
      async ({ resource, activities, relations }) => {
        const { authorizerGroup: _, ...record } = resource;
        const [approval, allowedActions, riskAssessment] = await Promise.all([
          readApprovalState(this.context, resource, credentials),
          this.context.authorizer.allowedActions(resource, credentials),
          this.context.risk.assessmentOf(record),
        ]);
        return {
          ...record,
          risk: riskAssessment.level,
          activities,
          relations,
          media: [],
          allowedActions,
          approvals: approval.approvals,
          readiness: approval.readiness({ activities, relations, media: [] }),
          riskAssessment,
        };
      },
    );
  }

  /**
   * A registration without CIs or a model's activities, in one statement:
   * its number, row, history entry and owed notifications are written
   * together, and the number's counter is held only while it runs.
   */
  private async registerInOneStatement(
    input: RegisterInput,
    requester: string,
    credentials: BackstageCredentials,
  ): Promise<Committed<Registered>> {
    const { store, changes, now } = this.context;
    const { portfolio } = await resolveModel(
      store,
      input.portfolioId ?? null,
      null,
    );
    const at = now();
    const planned = {
      ...newRelease(input, {
        portfolio,
        model: undefined,
        requester,
        actor: actorOf(credentials),
        at,
      }),
      // Numbered by the statement.
      number: '',
    };
    const change = (release: Release) => ({
      kind: 'registered' as const,
      release,
      withCis: false,
    });
    return changes.writtenInOneStatement(
      change(planned),
      // Nothing touched yet: no owners to read.
      { owners: [], entityRefs: [] },
      // Sent again after a lost connection, it would be registered twice:
      // a connection lost before the COMMIT must leave nothing written.
      'transaction',
      async (tx, owed) => {
        const { number: _, ...unnumbered } = planned;
        const release = await tx.releases.insertInOneStatement(unnumbered, {
          history: registrationEntry(planned, at),
          owed,
        });
        return {
          result: {
            resource: {
              ...release,
              authorizerGroup: portfolio?.authorizerGroup ?? null,
            },
            activities: [],
            relations: [],
          },
          change: change(release),
        };
      },
    );
  }

  async edit(
    id: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseDetails> {
    const { expectedVersion, riskJustification, ...input } = parseInput(
      editReleaseSchema,
      body,
    );
    const { store, authorizer, changes, now } = this.context;
    const release = await loadReadableRelease(
      this.context,
      store,
      id,
      credentials,
    );
    await authorizer.requireOn(releaseUpdatePermission, release, credentials);
    // The update only applies at this version, so what is checked here is
    // what gets changed.
    if (release.version !== expectedVersion) {
      throw staleVersion(release, expectedVersion);
    }
    if (!isOpen(release.status)) {
      throw new ConflictError(
        `${release.number} is ${release.status}; reopen it before editing`,
      );
    }
    const fallbackSuggestion = await this.suggestionIfUnassessed(
      release,
      input.risk,
    );

    return changes.run(
      { eventId: 'release-edit', credentials, meta: { releaseId: id } },
      () =>
        changes.transaction(async tx => {
          const merged = { ...release, ...input };
          if (
            merged.plannedStart &&
            merged.plannedEnd &&
            Date.parse(merged.plannedEnd) <= Date.parse(merged.plannedStart)
          ) {
            throw fieldError('plannedEnd', 'must be after plannedStart');
          }
          let authorizerGroup = release.authorizerGroup;
          if (input.portfolioId !== undefined || input.modelId !== undefined) {
            const { portfolio, model } = await resolveModel(
              tx,
              merged.portfolioId,
              merged.modelId,
            );
            merged.portfolioId = portfolio?.id ?? null;
            merged.modelId = model?.id ?? null;
            authorizerGroup = portfolio?.authorizerGroup ?? null;
          }
          const fieldChanges: Partial<Release> = {
            ...input,
            portfolioId: merged.portfolioId,
            modelId: merged.modelId,
            priority: derivePriority(merged.impact, merged.urgency),
          };
          // A new window is not what the approvers approved
          // (docs/approvals.md#invalidation).
          const restarted = windowMoved(release, merged)
            ? await restartedRound(
                this.context,
                tx,
                release,
                { ...release, ...fieldChanges },
                'window changed',
                credentials,
              )
            : undefined;
          if (restarted) {
            fieldChanges.status = restarted.status;
          }
          const riskChanges = await applyRiskChoice(
            tx,
            id,
            { risk: input.risk, riskJustification },
            fallbackSuggestion,
            { actor: actorOf(credentials), at: now() },
          );
          const diff = { ...diffFields(release, fieldChanges), ...riskChanges };
          const updated = await tx.releases.update(
            id,
            expectedVersion,
            fieldChanges,
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
          await restarted?.write(tx);
          return {
            result: { ...updated, authorizerGroup },
            change: {
              kind: 'edited' as const,
              release: updated,
              fields: Object.keys(diff),
              approvalRequested:
                restarted?.current && approvalRequestOf(restarted.current),
            },
          };
        }),
      edited => releaseDetails(this.context, edited, credentials),
    );
  }

  /**
   * The level to compare a chosen `risk` with when none is stored yet: the
   * assessment is read before the edit's transaction, never inside it.
   */
  private async suggestionIfUnassessed(
    release: Release,
    risk: Release['risk'] | undefined,
  ) {
    if (risk === undefined) return undefined;
    const stored = await this.context.store.risk.get(release.id);
    if (stored?.suggested) return undefined;
    return (await this.context.risk.compute(release)).suggestedLevel;
  }

  /** The catalog entities of the CIs named at registration (400 naming each unknown one). */
  private async catalogEntities(
    cis: Array<{ entityRef: string; role: CiRole }>,
    credentials: BackstageCredentials,
  ): Promise<RegisteredCi[]> {
    if (cis.length === 0) return [];
    const { items } = await this.context.catalog.getEntitiesByRefs(
      { entityRefs: cis.map(ci => ci.entityRef) },
      { credentials },
    );
    const missing = cis.flatMap((ci, index) =>
      items[index]
        ? []
        : [
            {
              field: `cis.${index}.entityRef`,
              message: `${ci.entityRef} is not in the catalog`,
            },
          ],
    );
    if (missing.length > 0) {
      throw new FieldInputError(missing);
    }
    return cis.map((ci, index) => ({ ...ci, entity: items[index]! }));
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
    const list = await store.queries.list(
      {
        ...parsed,
        ...(parsed.awaitingApprovalBy
          ? { awaitingApprovalOf: await this.awaitingApprovalOf(credentials) }
          : {}),
      },
      decisions.visibility,
    );
    const actions = decisions.actionsOf(list.items);
    const touches = parsed.entityRef
      ? await store.impact.touches(
          list.items.map(item => item.id),
          parsed.entityRef,
        )
      : undefined;
    return {
      ...list,
      items: list.items.map((listed, i) => {
        const item = withoutRuleFacts(listed);
        return {
          ...item,
          allowedActions: actions[i],
          ...(touches ? { touch: touches.get(item.id) } : {}),
        };
      }),
    };
  }

  /**
   * Who "me" is in `awaitingApprovalBy=me`: the caller's ownership refs
   * (docs/approvals.md#awaiting-my-approval). A caller who is no user
   * awaits nothing.
   */
  private async awaitingApprovalOf(credentials: BackstageCredentials) {
    return {
      refs: await ownershipRefsOf(this.context, credentials),
      user: userRefOf(credentials) ?? '',
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

/** Whether an edit moves the planned window. */
function windowMoved(
  before: Pick<Release, 'plannedStart' | 'plannedEnd'>,
  after: Pick<Release, 'plannedStart' | 'plannedEnd'>,
): boolean {
  const instant = (value: string | null) =>
    value === null ? null : Date.parse(value);
  return (
    instant(before.plannedStart) !== instant(after.plannedStart) ||
    instant(before.plannedEnd) !== instant(after.plannedEnd)
  );
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
): Promise<{
  portfolio: Portfolio | undefined;
  model: ReleaseModel | undefined;
}> {
  const model = modelId ? await tx.portfolios.getModel(modelId) : undefined;
  if (modelId && !model) {
    throw fieldError('modelId', `no release model ${modelId}`);
  }
  const portfolio =
    portfolioId ?? model?.portfolioId
      ? await tx.portfolios.get((portfolioId ?? model?.portfolioId)!)
      : undefined;
  if (portfolioId && !portfolio) {
    throw fieldError('portfolioId', `no portfolio ${portfolioId}`);
  }
  if (!model) {
    return { portfolio, model: undefined };
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
  return { portfolio, model };
}

type RegisterInput = z.output<typeof registerReleaseSchema>;

/** What a registration returns before it is announced. */
type Registered = {
  resource: ReleasePermissionResource;
  activities: ReleaseActivity[];
  relations: ReleaseRelation[];
};

/** A new release from what was registered, its number yet to be given. */
function newRelease(
  input: RegisterInput,
  by: {
    portfolio: Portfolio | undefined;
    model: ReleaseModel | undefined;
    requester: string;
    actor: string;
    at: Date;
  },
): Omit<Release, 'number'> {
  const { portfolio, model, requester, actor, at } = by;
  const impact = input.impact ?? model?.defaultImpact ?? 'medium';
  const urgency = input.urgency ?? model?.defaultUrgency ?? 'medium';
  return {
    id: randomUUID(),
    title: input.title,
    description: input.description ?? '',
    type: input.type,
    impact,
    urgency,
    priority: derivePriority(impact, urgency),
    risk: input.risk ?? 'medium',
    businessJustification: input.businessJustification ?? null,
    backoutPlan: input.backoutPlan ?? null,
    testEvidenceUrl: input.testEvidenceUrl ?? null,
    requester,
    manager: input.manager ?? null,
    executorGroup: input.executorGroup ?? model?.defaultExecutorGroup ?? null,
    portfolioId: portfolio?.id ?? null,
    modelId: model?.id ?? null,
    versionLabel: input.versionLabel ?? null,
    plannedStart: input.plannedStart ?? null,
    plannedEnd: input.plannedEnd ?? null,
    ...REGISTERED_STATE,
    createdBy: actor,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

/** The history entry of a registration. */
function registrationEntry(
  release: Omit<Release, 'number'>,
  at: Date,
): NewHistoryEntry {
  return {
    releaseId: release.id,
    at,
    actor: release.createdBy,
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
  };
}
