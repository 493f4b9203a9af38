import {
  ReleaseAction,
  ReleaseEventPayload,
} from '@internal/plugin-release-common';
import { ReleaseChange } from './ReleaseChange';

/**
 * The effects of a committed change besides its audit record, which every
 * change has. One table for every path, so a new kind of change cannot
 * forget one (docs/workflow.md#after-a-change-is-committed).
 */
export type SideEffects = {
  /** On the events service, for other plugins. */
  event?: ReleaseEventPayload;
  /** To open pages, so they refetch; with entities touched before. */
  signal?: { touchedBefore: string[] };
  /** To the people the release concerns. */
  notification?:
    | { kind: 'workflow'; action: ReleaseAction | 'register' }
    | { kind: 'assigned' };
};

export function sideEffectsOf(
  change: ReleaseChange,
  actor: string,
): SideEffects {
  switch (change.kind) {
    case 'registered':
      return {
        event: {
          type: 'release.registered',
          releaseId: change.release.id,
          number: change.release.number,
          actor,
        },
        signal: { touchedBefore: [] },
        notification: { kind: 'workflow', action: 'register' },
      };
    case 'edited':
      // No notification: edits are frequent and shown on the live page and
      // in the history; people are told about the workflow's steps.
      return {
        event: {
          type: 'release.edited',
          releaseId: change.release.id,
          number: change.release.number,
          fields: change.fields,
          actor,
        },
        signal: { touchedBefore: [] },
      };
    case 'transitioned':
      return {
        event: {
          type: 'release.transitioned',
          releaseId: change.release.id,
          number: change.release.number,
          action: change.action,
          fromStatus: change.fromStatus,
          toStatus: change.toStatus,
          actor,
        },
        signal: { touchedBefore: [] },
        notification: { kind: 'workflow', action: change.action },
      };
    case 'activity':
      return {
        event: {
          type: 'release.activity-changed',
          releaseId: change.release.id,
          change: change.change,
          activityId: change.activity.id,
          actor,
        },
        signal: { touchedBefore: [] },
        // Only the new assignee is told; the rest is on the release page.
        ...(change.assigned ? { notification: { kind: 'assigned' } } : {}),
      };
    case 'relation':
    case 'media':
      // No notification: relating records is part of planning, seen on the
      // release page; a new CI's owners hear of the release at its steps.
      return {
        event: {
          type: 'release.relations-changed',
          releaseId: change.release.id,
          number: change.release.number,
          change: change.change,
          relationKind:
            change.kind === 'media' ? 'media' : change.relation.kind,
          relationId:
            change.kind === 'media' ? change.item.id : change.relation.id,
          actor,
        },
        signal: {
          touchedBefore: change.kind === 'relation' ? change.touchedBefore : [],
        },
      };
    case 'catalogue':
      // Portfolios, models and justifications are reference data: no
      // release changed, no page follows them live, nobody subscribes.
      return {};
    default: {
      const unknown: never = change;
      throw new Error(`Unknown change ${JSON.stringify(unknown)}`);
    }
  }
}
