import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  RELEASE_EVENTS_TOPIC,
  ReleaseEventPayload,
} from '@internal/plugin-release-common';

/**
 * Tells other plugins what happened to releases, after it is committed. A
 * failure to publish is logged, never turned into a failed request: the
 * change itself has happened.
 */
export class ReleaseEventPublisher {
  constructor(
    private readonly events: EventsService | undefined,
    private readonly logger: LoggerService,
  ) {}

  async publish(payload: ReleaseEventPayload): Promise<void> {
    if (!this.events) return;
    try {
      await this.events.publish({
        topic: RELEASE_EVENTS_TOPIC,
        eventPayload: payload,
        metadata: { type: payload.type },
      });
    } catch (error) {
      this.logger.warn(`Could not publish ${payload.type}: ${error}`);
    }
  }
}
