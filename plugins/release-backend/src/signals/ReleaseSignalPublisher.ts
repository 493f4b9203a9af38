import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  RELEASE_SIGNAL_CHANNEL,
  ReleaseChangeSignal,
} from '@internal/plugin-release-common';
import { ImpactRepository } from '../database/ImpactRepository';

/** Entity refs a signal lists at most; beyond that it lists none. */
const ENTITY_REFS_LISTED = 100;
/** Entity refs read for a signal: one more tells that there are too many. */
export const ENTITY_REFS_READ = ENTITY_REFS_LISTED + 1;

/**
 * Tells open release pages that a release changed, after the change is
 * committed, so they refetch it. A failure to signal is logged, never
 * turned into a failed request: the change itself has happened.
 */
export class ReleaseSignalPublisher {
  constructor(
    private readonly signals: SignalsService | undefined,
    private readonly impact: ImpactRepository,
    private readonly logger: LoggerService,
  ) {}

  /**
   * What the release touches now, read before a change so that its signal
   * also reaches the entities it stops touching.
   */
  async touched(releaseId: string): Promise<string[]> {
    if (!this.signals) return [];
    try {
      return await this.touchedNow(releaseId);
    } catch (error) {
      this.warn(releaseId, error);
      return [];
    }
  }

  /**
   * Signals a committed change of the release, at its committed version;
   * what it touches now is read unless the change's transaction read it
   * (up to {@link ENTITY_REFS_READ}).
   */
  async changed(
    release: { id: string; version: number },
    touchedBefore: string[] = [],
    touchedNow?: string[],
  ): Promise<void> {
    if (!this.signals) return;
    const releaseId = release.id;
    try {
      const entityRefs = [
        ...new Set([
          ...touchedBefore,
          ...(touchedNow ?? (await this.touchedNow(releaseId))),
        ]),
      ].sort();
      await this.signals.publish<ReleaseChangeSignal>({
        // To everyone signed in: who may read a release is the permission
        // policy's to say, per request. The message holds identifiers only,
        // no title, status or person, and pages refetch through the
        // permission-checked API, so a reader who may not see the release
        // learns no more than that something touching those entities changed.
        recipients: { type: 'broadcast' },
        channel: RELEASE_SIGNAL_CHANNEL,
        message: {
          releaseId,
          version: release.version,
          ...(entityRefs.length <= ENTITY_REFS_LISTED ? { entityRefs } : {}),
        },
      });
    } catch (error) {
      this.warn(releaseId, error);
    }
  }

  /** Enough of what the release touches to list, or to know it is too much. */
  private touchedNow(releaseId: string) {
    return this.impact.touchedEntityRefs(releaseId, ENTITY_REFS_READ);
  }

  private warn(releaseId: string, error: unknown) {
    this.logger.warn(
      `Could not signal a change of release ${releaseId}: ${error}`,
    );
  }
}
