import type { ReleaseAction, ReleaseStatus } from './types';

/**
 * The events service topic the release plugin publishes on; other plugins
 * subscribe to it through `eventsServiceRef`.
 *
 * @public
 */
export const RELEASE_EVENTS_TOPIC = 'release';

/** What a release event says; `type` is also in the event's metadata. @public */
export type ReleaseEventPayload =
  | {
      type: 'release.registered';
      releaseId: string;
      number: string;
      actor: string;
    }
  | {
      type: 'release.transitioned';
      releaseId: string;
      number: string;
      action: ReleaseAction;
      fromStatus: ReleaseStatus;
      toStatus: ReleaseStatus;
      actor: string;
    }
  | {
      type: 'release.edited';
      releaseId: string;
      number: string;
      /** The fields whose value changed. */
      fields: string[];
      actor: string;
    }
  | {
      type: 'release.relations-changed';
      releaseId: string;
      number: string;
      change: 'added' | 'removed';
      /** `ci`, an external record's kind, or `media` for definitive media. */
      relationKind: string;
      relationId: string;
      actor: string;
    }
  | {
      type: 'release.activity-changed';
      releaseId: string;
      change: 'added' | 'updated' | 'removed';
      activityId: string;
      actor: string;
    };
