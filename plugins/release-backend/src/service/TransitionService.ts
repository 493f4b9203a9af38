import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  canTransition,
  Release,
  ReleaseAction,
  releaseAuthorizePermission,
  ReleaseDetails,
  releaseOverridePermission,
  releaseTransitionPermission,
  TransitionInput,
  transitionSchema,
} from '@internal/plugin-release-common';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { actorOf } from './audit';
import { Committed, ReleaseChange } from '../changes/ReleaseChange';
import { Reach } from '../changes/ReleaseChangePublisher';
import { NewHistoryEntry } from '../database/HistoryRepository';
import { diffFields } from './historyChanges';
import { fieldsSetByAction } from './fieldsSetByAction';
import { ApprovalService } from './ApprovalService';
import { ImpactService } from './ImpactService';
import { parseInput } from './parseInput';
import { checkTransitionGuards } from './transitionGuards';
import { checkWindow } from './windowCheck';
import { staleVersion } from './ReleaseService';
import {
  isUuid,
  loadReadableRelease,
  readReleaseParts,
  releaseDetails,
  ReleaseParts,
  ServiceContext,
} from './ServiceContext';

/** Moves releases through the workflow (docs/workflow.md). */
export class TransitionService {
  constructor(
    private readonly context: ServiceContext,
    private readonly impact: ImpactService,
    private readonly approvals: ApprovalService,
  ) {}

  async transition(
    id: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<ReleaseDetails> {
    const { action, expectedVersion, ...input } = parseInput(
      transitionSchema,
      body,
    );
    const { store, authorizer, changes } = this.context;
    const inOneStatement = store.releases.writesInOneStatement;
    // Whom the change concerns, read beside the release when the change is
    // written in one statement: at the version read, which is the version
    // written (docs/workflow.md#after-a-change-is-committed).
    const reach =
      inOneStatement && isUuid(id)
        ? changes.reach(id)
        : Promise.resolve(undefined);
    reach.catch(() => undefined);
    // The one read of the release before its update: the update applies
    // only at the version read here, so the guards below checked what gets
    // changed (docs/workflow.md#concurrency).
    const release = await loadReadableRelease(
      this.context,
      store,
      id,
      credentials,
    );
    await authorizer.requireOn(
      action === 'authorize'
        ? releaseAuthorizePermission
        : releaseTransitionPermission,
      release,
      credentials,
    );
    if (input.override) {
      await authorizer.requireOn(
        releaseOverridePermission,
        release,
        credentials,
      );
    }
    let parts: Promise<ReleaseParts> | undefined;
    return changes.run(
      {
        eventId: 'release-transition',
        credentials,
        meta: { releaseId: id, number: release.number, action },
        severityLevel:
          action === 'authorize' || action === 'cancel' ? 'high' : 'medium',
      },
      async () => {
        if (release.version !== expectedVersion) {
          throw staleVersion(release, expectedVersion);
        }
        if (!canTransition(release, action)) {
          const allowed = await authorizer.allowedActions(release, credentials);
          throw new ConflictError(
            `Cannot ${action} ${release.number}: it is ${release.status}. ` +
              `Allowed now: ${allowed.length ? allowed.join(', ') : 'none'}`,
          );
        }
        // An approval policy replaces authorize with a round of its own
        // (docs/approvals.md#the-approval-round).
        if (action === 'request-authorization') {
          return this.approvals.request(release, input, credentials);
        }
        if (action === 'authorize') {
          await this.approvals.refuseAuthorizeUnderPolicy(release);
        }
        // Checked before the transaction, which must not wait on the
        // catalog; the update's version check guarantees the window is this.
        const overridden =
          action === 'authorize'
            ? await checkWindow(this.impact, release, input.override ?? false)
            : null;
        // A transition changes none of them: read while it is written, the
        // answer does not wait for them after the commit.
        parts = readReleaseParts(this.context, release.id);
        parts.catch(() => undefined);
        // Its round ends with it, which one statement does not write.
        const withdrawsRound = action === 'cancel' && awaitsApproval(release);
        if (inOneStatement && !withdrawsRound) {
          return this.applyInOneStatement(
            release,
            action,
            input,
            { credentials, overridden },
            await reach,
          );
        }
        return changes.transaction(async tx => {
          await checkTransitionGuards(this.context, tx, release, action, input);
          const change = await this.apply(tx, release, action, input, {
            credentials,
            overridden,
          });
          if (withdrawsRound) {
            await this.approvals.withdrawRound(tx, release.id);
          }
          return { result: change.release, change };
        });
      },
      moved =>
        releaseDetails(
          this.context,
          {
            hasApprovalPolicy: release.hasApprovalPolicy,
            currentApprovers: release.currentApprovers,
            ...moved,
            authorizerGroup: release.authorizerGroup,
          },
          credentials,
          undefined,
          parts,
        ),
    );
  }

  /**
   * Resumes suspended releases whose resume date has come
   * (docs/workflow.md#suspend-and-resume).
   */
  async resumeDue(actor: BackstageCredentials, limit = 100): Promise<number> {
    const due = await this.context.store.releases.dueForResume(
      this.context.now(),
      limit,
    );
    let resumed = 0;
    for (const release of due) {
      if (await this.resumeOne(release, actor)) {
        resumed += 1;
      }
    }
    return resumed;
  }

  /**
   * One automatic resume, through the same after-commit step as a person's:
   * audited, announced and notified. Another replica, or a person, may have
   * got there first: then the version has moved and nothing happens.
   */
  private async resumeOne(
    release: Release,
    actor: BackstageCredentials,
  ): Promise<boolean> {
    try {
      await this.context.changes.run(
        {
          eventId: 'release-transition',
          credentials: actor,
          meta: {
            releaseId: release.id,
            number: release.number,
            action: 'resume',
            automatic: true,
          },
        },
        () =>
          this.context.changes.transaction(async tx => {
            const change = await this.apply(
              tx,
              release,
              'resume',
              {},
              {
                credentials: actor,
                systemComment: 'resumed automatically at the planned date',
              },
            );
            return { result: change.release, change };
          }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) {
        this.context.logger.warn(
          `Could not resume ${release.number} automatically: ${error}`,
        );
      }
      return false;
    }
  }

  /**
   * Writes the transition at the release's version and its history entry;
   * a release changed meanwhile is a 409 and nothing is written.
   */
  private async apply(
    tx: ReleaseRepositories,
    release: Release,
    action: ReleaseAction,
    input: TransitionInput,
    by: TakenBy,
  ): Promise<Transitioned> {
    const { changes, history, describe } = this.plan(
      release,
      action,
      input,
      by,
    );
    const updated = await tx.releases.update(
      release.id,
      release.version,
      changes,
      history.at,
    );
    if (!updated) {
      throw staleVersion(release, release.version);
    }
    await tx.history.append(history);
    return describe(updated);
  }

  /**
   * The guards, then {@link apply} in one statement with the notifications
   * owed (docs/workflow.md#transactions-and-history): the update, the impact
   * index's copy, the history entry and the outbox rows are written
   * together, or, when the release changed since it was read, none of them
   * (409).
   */
  private async applyInOneStatement(
    release: Release,
    action: ReleaseAction,
    input: TransitionInput,
    by: TakenBy,
    reach: Reach | undefined,
  ): Promise<Committed<Release>> {
    const { changes, history, describe } = this.plan(
      release,
      action,
      input,
      by,
    );
    return this.context.changes.writtenInOneStatement(
      describe({ ...release, ...changes }),
      reach,
      // It carries the version it applies to: safe to send again.
      'statement',
      async (store, owed) => {
        // Read committed: the guards read what they would in a transaction.
        await checkTransitionGuards(
          this.context,
          store,
          release,
          action,
          input,
        );
        const updated = await store.releases.updateInOneStatement(
          release.id,
          release.version,
          changes,
          { history, owed },
        );
        if (!updated) {
          throw staleVersion(release, release.version);
        }
        return { result: updated, change: describe(updated) };
      },
    );
  }

  /** What a transition writes, and how to describe it once written. */
  private plan(
    release: Release,
    action: ReleaseAction,
    input: TransitionInput,
    by: TakenBy,
  ) {
    const at = this.context.now();
    const changes = fieldsSetByAction(release, action, input, at);
    const { status, ...fieldChanges } = changes;
    const history: NewHistoryEntry = {
      releaseId: release.id,
      at,
      actor: actorOf(by.credentials),
      kind: 'transition',
      action,
      fromStatus: release.status,
      toStatus: status!,
      changes: diffFields(release, fieldChanges),
      justificationId: input.justificationId ?? null,
      comment: withOverride(
        input.comment ?? by.systemComment ?? null,
        by.overridden,
      ),
    };
    const describe = (written: Release): Transitioned => ({
      kind: 'transitioned',
      release: written,
      action,
      fromStatus: release.status,
      toStatus: written.status,
      automatic: by.systemComment !== undefined,
    });
    return { changes, history, describe };
  }
}

/** Awaiting approval, or suspended while it was. */
function awaitsApproval(release: Release): boolean {
  return (
    release.status === 'awaiting-approval' ||
    release.suspendedFrom === 'awaiting-approval'
  );
}

type Transitioned = Extract<ReleaseChange, { kind: 'transitioned' }>;

/** Who takes a transition, and what the history says of it. */
type TakenBy = {
  credentials: BackstageCredentials;
  systemComment?: string;
  overridden?: string | null;
};

function withOverride(comment: string | null, overridden?: string | null) {
  return overridden
    ? `${comment ?? ''} [override: ${overridden}]`.trim()
    : comment;
}
