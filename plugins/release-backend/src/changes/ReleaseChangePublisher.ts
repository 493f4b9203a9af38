import {
  AuditorService,
  AuditorServiceEvent,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ReleaseEventPublisher } from '../events/ReleaseEventPublisher';
import { ReleaseNotifier } from '../notifications/ReleaseNotifier';
import { ReleaseSignalPublisher } from '../signals/ReleaseSignalPublisher';
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

/**
 * The one path every change takes: its work runs inside an audit event
 * (a refused or failed change is audited as a failure), and once it is
 * committed, the change it describes is announced — event, signal and
 * notifications — from the committed row alone, without reading the store
 * again (docs/workflow.md#after-a-change-is-committed).
 *
 * A failure to announce is logged, never turned into a failed request: the
 * change itself has happened.
 */
export class ReleaseChangePublisher {
  constructor(
    private readonly deps: {
      auditor: AuditorService;
      events: ReleaseEventPublisher;
      signals?: ReleaseSignalPublisher;
      notifier?: ReleaseNotifier;
    },
  ) {}

  async run<T>(
    audit: ChangeAudit,
    work: () => Promise<Committed<T>>,
  ): Promise<T> {
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
    await this.announce(committed.change, actorOf(audit.credentials));
    return committed.result;
  }

  /** Event, signal and notifications of a committed change, side by side. */
  async announce(change: ReleaseChange, actor: string): Promise<void> {
    const effects = sideEffectsOf(change, actor);
    const { events, signals, notifier } = this.deps;
    const release = 'release' in change ? change.release : undefined;
    await Promise.all([
      effects.event && events.publish(effects.event),
      effects.signal &&
        release &&
        signals?.changed(release, effects.signal.touchedBefore),
      effects.notification?.kind === 'workflow' &&
        release &&
        notifier?.changed(release, effects.notification.action),
      effects.notification?.kind === 'assigned' &&
        change.kind === 'activity' &&
        notifier?.assigned(change.release, change.activity),
    ]);
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
