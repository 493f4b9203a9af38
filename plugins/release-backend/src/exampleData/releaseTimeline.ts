import {
  ActivityPhase,
  canTransition,
  Release,
  ReleaseAction,
  ReleaseActivity,
  ReleaseOutcome,
  ReleaseRelation,
} from '@internal/plugin-release-common';
import { NewHistoryEntry } from '../database/HistoryRepository';
import { fieldsSetByAction } from '../service/fieldsSetByAction';
import { diffFields } from '../service/historyChanges';

/** What an action takes besides its time and actor. */
export type TimelineInput = {
  comment?: string;
  justificationId?: string;
  outcome?: ReleaseOutcome;
  closureNotes?: string;
};

/**
 * A release written as the workflow would have written it: every action is
 * checked against the transition table (docs/workflow.md#actions) and
 * recorded in the history with the fields it set, so the example history
 * reads like one people made.
 */
export class ReleaseTimeline {
  readonly history: NewHistoryEntry[] = [];
  readonly relations: ReleaseRelation[] = [];
  private state: Release;

  constructor(registered: Release, readonly activities: ReleaseActivity[]) {
    this.state = registered;
    this.history.push({
      releaseId: registered.id,
      at: new Date(registered.createdAt),
      actor: registered.createdBy,
      kind: 'created',
      action: 'register',
      fromStatus: null,
      toStatus: 'registered',
      changes: diffFields(
        {},
        {
          title: registered.title,
          type: registered.type,
          priority: registered.priority,
          requester: registered.requester,
          manager: registered.manager,
          executorGroup: registered.executorGroup,
          portfolioId: registered.portfolioId,
          modelId: registered.modelId,
          plannedStart: registered.plannedStart,
          plannedEnd: registered.plannedEnd,
        },
      ),
      justificationId: null,
      comment: null,
    });
  }

  get release(): Release {
    return this.state;
  }

  relate(relation: ReleaseRelation) {
    this.relations.push(relation);
    this.touch(new Date(relation.createdAt));
    this.history.push({
      ...this.entry(new Date(relation.createdAt), relation.createdBy),
      kind: 'relation',
      action: 'relation-added',
      changes: {
        relation: {
          before: null,
          after:
            relation.kind === 'ci'
              ? `${relation.entityRef} (${relation.role})`
              : `${relation.kind} ${relation.key}: ${relation.title}`,
        },
      },
    });
  }

  /** Marks a phase's activities done (or skipped) one after another in [from, to). */
  work(
    phase: ActivityPhase,
    from: Date,
    to: Date,
    actors: string[],
    skipAllButFirst = false,
  ) {
    const mine = this.activities.filter(a => a.phase === phase);
    const step = (to.getTime() - from.getTime()) / (mine.length + 1);
    mine.forEach((activity, index) => {
      const at = new Date(from.getTime() + step * (index + 1));
      const status = skipAllButFirst && index > 0 ? 'skipped' : 'done';
      const actor = actors[index % actors.length];
      Object.assign(activity, {
        status,
        completedBy: actor,
        completedAt: at.toISOString(),
        updatedAt: at.toISOString(),
        version: activity.version + 1,
      });
      this.touch(at);
      this.history.push({
        ...this.entry(at, actor),
        kind: 'activity',
        action: 'activity-updated',
        changes: {
          [`${activity.title}.status`]: { before: 'pending', after: status },
        },
      });
    });
  }

  /** A workflow action; throws when the table does not allow it. */
  act(
    action: ReleaseAction,
    at: Date,
    actor: string,
    input: TimelineInput = {},
  ) {
    const before = this.state;
    if (!canTransition(before, action)) {
      throw new Error(
        `Example history: ${action} is not allowed from ${before.status}`,
      );
    }
    const { status, ...fields } = fieldsSetByAction(before, action, input, at);
    this.state = {
      ...before,
      status,
      ...fields,
      updatedAt: at.toISOString(),
      version: before.version + 1,
    };
    this.history.push({
      ...this.entry(at, actor),
      kind: 'transition',
      action,
      fromStatus: before.status,
      toStatus: status,
      changes: diffFields(before, fields),
      justificationId: input.justificationId ?? null,
      comment: input.comment ?? null,
    });
  }

  /** An edit of the release's own fields, such as a new window. */
  edit(at: Date, actor: string, changes: Partial<Release>) {
    const before = this.state;
    this.state = {
      ...before,
      ...changes,
      updatedAt: at.toISOString(),
      version: before.version + 1,
    };
    this.history.push({
      ...this.entry(at, actor),
      kind: 'edited',
      action: 'edit',
      changes: diffFields(before, changes),
    });
  }

  private touch(at: Date) {
    this.state = { ...this.state, updatedAt: at.toISOString() };
  }

  private entry(at: Date, actor: string): NewHistoryEntry {
    return {
      releaseId: this.state.id,
      at,
      actor,
      kind: 'edited',
      action: null,
      fromStatus: null,
      toStatus: null,
      changes: {},
      justificationId: null,
      comment: null,
    };
  }
}
