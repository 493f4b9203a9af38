import {
  AuditorService,
  AuditorServiceEvent,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Release } from '@internal/plugin-release-common';
import { movesRiskFactors } from '../risk/movesRiskFactors';
import { ImpactRepository } from '../database/ImpactRepository';
import { OwedNotification } from '../database/NotificationOutbox';
import { ReleaseRepositories, ReleaseStore } from '../database/ReleaseStore';
import { ReleaseEventPublisher } from '../events/ReleaseEventPublisher';
import {
  OWNERS_NOTIFIED,
  ReleaseNotifier,
} from '../notifications/ReleaseNotifier';
import {
  ENTITY_REFS_READ,
  ReleaseSignalPublisher,
} from '../signals/ReleaseSignalPublisher';
import { actorOf } from '../service/audit';
import { Committed, ReleaseChange } from './ReleaseChange';
import { sideEffectsOf } from './sideEffects';

/** The audit event a change is recorded under. */
export type ChangeAudit = {
  eventId: string;
  credentials: BackstageCredentials;
  meta: Record<string, unknown>;
  severityLevel?: 'low' | 'medium' | 'high' | 'critical';
};

/** Notifications claimed per round of a drain. */
const DRAIN_BATCH = 20;
/** How long a claimed notification is another drain's to leave alone. */
const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * The one path every change takes: its work runs inside an audit event
 * (a refused or failed change is audited as a failure), and once it is
 * committed, the change it describes is announced — event and signal —
 * from the committed row alone, without reading the store again.
 *
 * Notifications cost most (owners to look up, one per recipient to store),
 * so they are not on the request's path: the change's own transaction
 * writes what it owes to an outbox, and the outbox is drained once the
 * change is committed, and on a schedule for what a stopped process left
 * (docs/workflow.md#after-a-change-is-committed).
 *
 * A failure to announce is logged, never turned into a failed request: the
 * change itself has happened.
 */
export class ReleaseChangePublisher {
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  /** Committed changes whose transaction wrote to the outbox. */
  private readonly owing = new WeakSet<ReleaseChange>();
  /** What a committed change's release touches, when its transaction read it. */
  private readonly touched = new WeakMap<ReleaseChange, string[]>();

  constructor(
    private readonly deps: {
      auditor: AuditorService;
      events: ReleaseEventPublisher;
      signals?: ReleaseSignalPublisher;
      notifier?: ReleaseNotifier;
      /**
       * Assesses the changed release's risk again before the change is
       * answered and announced (docs/risk.md#recomputation).
       */
      risk?: {
        afterChange(release: Release, movesFactors?: boolean): Promise<void>;
      };
      /** Runs the changes' transactions; owed notifications wait in it. */
      store: ReleaseStore;
      logger?: LoggerService;
      now?: () => Date;
    },
  ) {}

  /**
   * The change's transaction: `work` returns what it committed, and the
   * notifications it owes are written to the outbox in the same
   * transaction, so they are sent even if the process stops right after.
   */
  async transaction<T>(
    work: (tx: ReleaseRepositories) => Promise<Committed<T>>,
  ): Promise<Committed<T>> {
    const { store, notifier } = this.deps;
    const committed = await store.transaction(async tx => {
      const done = await work(tx);
      const { owed, touched } = notifier
        ? await owedBy(done.change, notifier, releaseId =>
            reachOf(tx.impact, releaseId),
          )
        : { owed: [] };
      await tx.outbox.add(owed, this.now());
      return { done, owes: owed.length > 0, touched };
    });
    return this.committed(committed.done, committed);
  }

  /**
   * What the release touches and who owns it, as a change's notifications
   * need it: for {@link writtenInOneStatement}, read beside the release.
   */
  async reach(releaseId: string): Promise<Reach | undefined> {
    return this.deps.notifier
      ? reachOf(this.deps.store.impact, releaseId)
      : undefined;
  }

  /**
   * A change written in one statement (PostgreSQL). The notifications it
   * owes are worked out first, from the change as planned (its release as
   * read, before the write) and the release's {@link reach} read beside it;
   * `write` stores them in its statement, each with the release row as
   * written, so they are committed with the change or not at all, as with
   * {@link transaction}.
   *
   * `commit` says how: `'statement'`, the statement alone, which the
   * database commits as a whole (one round trip), for a change that carries
   * `expectedVersion`: should the connection be lost while it runs, it is
   * written whole or not at all, and sending it again answers 409 rather
   * than apply it twice (docs/errors.md#503-database-unavailable);
   * `'transaction'`, BEGIN, the statement, COMMIT, for a change that sending
   * again would repeat (a registration): a connection lost before the
   * COMMIT leaves nothing written.
   */
  async writtenInOneStatement<T>(
    planned: ReleaseChange & { release: Release },
    reach: Reach | undefined,
    commit: 'statement' | 'transaction',
    write: (
      repositories: ReleaseRepositories,
      owed: OwedNotification[],
    ) => Promise<Committed<T>>,
  ): Promise<Committed<T>> {
    const { notifier, store } = this.deps;
    const { owed, touched } =
      notifier && reach
        ? await owedBy(planned, notifier, async () => reach)
        : { owed: [] };
    const done =
      commit === 'statement'
        ? await write(store, owed)
        : await store.transaction(tx => write(tx, owed));
    return this.committed(done, { owes: owed.length > 0, touched });
  }

  private committed<T>(
    done: Committed<T>,
    written: { owes: boolean; touched?: string[] },
  ): Committed<T> {
    if (written.owes) this.owing.add(done.change);
    if (written.touched) this.touched.set(done.change, written.touched);
    return done;
  }

  /**
   * Sends what the outbox holds, until it is empty. One drain at a time in
   * a process; claims keep drains of other replicas off the same rows.
   */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          await this.drainOnce();
        } while (this.drainAgain);
      } catch (error) {
        this.deps.logger?.warn(
          `Could not send release notifications: ${error}`,
        );
      } finally {
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  private async drainOnce() {
    const { store, notifier } = this.deps;
    if (!notifier) return;
    for (;;) {
      const now = this.now();
      const claimed = await store.outbox.claim(
        DRAIN_BATCH,
        now,
        new Date(now.getTime() - CLAIM_LEASE_MS),
      );
      for (const { id, notification } of claimed) {
        await this.send(notification);
        // At once, so a stop midway re-sends nothing already sent.
        await store.outbox.remove([id]);
      }
      // A short batch was all there was.
      if (claimed.length < DRAIN_BATCH) return;
    }
  }

  private async send(owed: OwedNotification) {
    const { notifier } = this.deps;
    if (owed.kind === 'workflow') {
      await notifier?.changed(owed.release, owed.action, owed.recipients);
    } else if (owed.kind === 'approval-requested') {
      await notifier?.approvalRequested(
        owed.release,
        owed.step,
        owed.recipients,
      );
    } else {
      await notifier?.assigned(owed.release, owed.activity);
    }
  }

  private now() {
    return (this.deps.now ?? (() => new Date()))();
  }

  /**
   * Runs a change; `respond` shapes the answer from the committed result
   * while the change is announced, so neither waits on the other.
   */
  async run<T, R = T>(
    audit: ChangeAudit,
    work: () => Promise<Committed<T>>,
    respond?: (result: T) => Promise<R>,
  ): Promise<R> {
    const event = await this.deps.auditor.createEvent({
      eventId: audit.eventId,
      severityLevel: audit.severityLevel ?? 'medium',
      meta: { ...audit.meta, actor: actorOf(audit.credentials) },
    });
    let committed: Committed<T>;
    try {
      committed = await work();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    await this.succeeded(event, committed.change);
    if ('release' in committed.change) {
      // Its fields, CIs and impact, activities, relations and media are
      // factors; a transition moves none of them. Never throws.
      await this.deps.risk?.afterChange(
        committed.change.release,
        movesRiskFactors(committed.change),
      );
    }
    const [response] = await Promise.all([
      respond ? respond(committed.result) : (committed.result as unknown as R),
      this.announce(committed.change, actorOf(audit.credentials)),
    ]);
    return response;
  }

  /**
   * Event and signal of a committed change, side by side; its
   * notifications are on their way from the outbox.
   */
  async announce(change: ReleaseChange, actor: string): Promise<void> {
    const effects = sideEffectsOf(change, actor);
    const { events, signals, notifier } = this.deps;
    const release = 'release' in change ? change.release : undefined;
    await Promise.all([
      effects.event && events.publish(effects.event),
      effects.signal &&
        release &&
        signals?.changed(
          release,
          effects.signal.touchedBefore,
          this.touched.get(change),
        ),
    ]);
    if (notifier && this.owing.has(change)) {
      // Not awaited: the response does not wait on notifications.
      void this.drain();
    }
  }

  private async succeeded(event: AuditorServiceEvent, change: ReleaseChange) {
    const meta: Record<string, string> =
      'release' in change
        ? { releaseId: change.release.id, number: change.release.number }
        : { [`${change.subject}Id`]: change.id };
    if (change.kind === 'transitioned') {
      meta.fromStatus = change.fromStatus;
      meta.toStatus = change.toStatus;
    }
    await event.success({ meta });
  }
}

/** Who owns what a release touches (nearest first), and what it touches. */
export type Reach = { owners: string[]; entityRefs: string[] };

/** A release's {@link Reach}, in one statement. */
function reachOf(impact: ImpactRepository, releaseId: string): Promise<Reach> {
  return impact.ownersAndTouched(releaseId, {
    owners: OWNERS_NOTIFIED,
    entityRefs: ENTITY_REFS_READ,
  });
}

/**
 * The notifications a change owes, with their recipients read in its own
 * transaction (or beside the release the change was made from): who it
 * concerned when it was committed. What the release touches is read in the
 * same statement, for the change's signal.
 */
async function owedBy(
  change: ReleaseChange,
  notifier: ReleaseNotifier,
  readReach: (releaseId: string) => Promise<Reach>,
): Promise<{ owed: OwedNotification[]; touched?: string[] }> {
  const owed = await owedByKind(change, notifier, readReach);
  const requested =
    change.kind === 'transitioned' || change.kind === 'edited'
      ? change.approvalRequested
      : undefined;
  if (
    !requested ||
    requested.approvers.length === 0 ||
    !('release' in change)
  ) {
    return owed;
  }
  // Its own notification, to the step's approvers, besides the workflow's.
  return {
    ...owed,
    owed: [
      ...owed.owed,
      {
        kind: 'approval-requested',
        release: change.release,
        step: { position: requested.position, name: requested.name },
        recipients: requested.approvers,
      },
    ],
  };
}

/** {@link owedBy} as the change's kind has it. */
async function owedByKind(
  change: ReleaseChange,
  notifier: ReleaseNotifier,
  readReach: (releaseId: string) => Promise<Reach>,
): Promise<{ owed: OwedNotification[]; touched?: string[] }> {
  const { notification } = sideEffectsOf(change, '');
  if (!notification || !('release' in change)) return { owed: [] };
  // Nobody to tell is nothing owed: no outbox row, and no drain to send it.
  if (notification.kind === 'workflow') {
    // A release registered without CIs touches nothing: nothing to read.
    const { owners, entityRefs } =
      change.kind === 'registered' && !change.withCis
        ? { owners: [], entityRefs: [] }
        : await readReach(change.release.id);
    const recipients = notifier.recipientsAmong(change.release, owners);
    return {
      owed:
        recipients.length > 0
          ? [
              {
                kind: 'workflow',
                release: change.release,
                action: notification.action,
                recipients,
              },
            ]
          : [],
      // A registration's CIs are walked after its transaction: its signal
      // reads what it touches once they are.
      touched:
        change.kind === 'registered' && change.withCis ? undefined : entityRefs,
    };
  }
  return {
    owed:
      change.kind === 'activity' && change.activity.assignee
        ? [
            {
              kind: 'assigned',
              release: change.release,
              activity: change.activity,
            },
          ]
        : [],
  };
}
