import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  Release,
  ReleaseAction,
  ReleaseActivity,
  RELEASE_ACTIVITY_ASSIGNED_TOPIC,
  RELEASE_APPROVAL_REQUESTED_TOPIC,
  releaseNotificationTopic,
} from '@internal/plugin-release-common';
import { ImpactRepository } from '../database/ImpactRepository';
import { BackendTexts, textsIn } from '../texts';
import { severityOf } from './severity';

/** Owners of impacted entities named as recipients, at most. */
export const OWNERS_NOTIFIED = 20;

/**
 * Tells the people a release concerns what happened to it: its manager,
 * its executor group and the owners of the entities it touches. Severity
 * follows the release's priority; each kind of change is its own topic, so
 * users can mute the ones they do not want. A failure to notify is logged,
 * never turned into a failed request. Texts are in the portal's configured
 * language (docs/languages.md).
 */
export class ReleaseNotifier {
  constructor(
    private readonly notifications: NotificationService | undefined,
    private readonly logger: LoggerService,
    private readonly texts: BackendTexts = textsIn('en'),
  ) {}

  /** Tells a user an activity of a release is now theirs. */
  async assigned(release: Release, activity: ReleaseActivity): Promise<void> {
    if (!this.notifications || !activity.assignee) return;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: activity.assignee },
        payload: {
          title: this.texts.assignedTitle(release.number, activity.title),
          description: this.texts.assignedDescription(
            activity.phase,
            release.title,
          ),
          link: `/release/releases/${release.id}`,
          severity: severityOf[release.priority],
          topic: RELEASE_ACTIVITY_ASSIGNED_TOPIC,
          scope: `release-activity:${activity.id}`,
        },
      });
    } catch (error) {
      this.logger.warn(
        `Could not notify ${activity.assignee} about ${release.number}: ${error}`,
      );
    }
  }

  /**
   * Who hears of a change to the release: its manager, its executor group
   * and the owners of the entities it touches, read from `impact` (the
   * change's own transaction, so they are who it concerned when committed).
   */
  async recipientsOf(
    release: Release,
    impact: ImpactRepository,
  ): Promise<string[]> {
    return this.recipientsAmong(
      release,
      await impact.ownersOf(release.id, OWNERS_NOTIFIED),
    );
  }

  /** {@link recipientsOf}, the owners read already (nearest first). */
  recipientsAmong(release: Release, owners: string[]): string[] {
    return [
      ...new Set(
        [release.manager, release.executorGroup, ...owners].filter(
          (ref): ref is string => Boolean(ref),
        ),
      ),
    ];
  }

  /**
   * Asks a step's approvers for their decision when the step starts
   * (docs/approvals.md#the-approval-round).
   */
  async approvalRequested(
    release: Release,
    step: { position: number; name: string },
    approvers: string[],
  ): Promise<void> {
    if (!this.notifications || approvers.length === 0) return;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: approvers },
        payload: {
          title: this.texts.approvalRequestedTitle(
            release.number,
            release.title,
          ),
          description: this.texts.approvalRequestedDescription(
            step.position,
            step.name,
          ),
          link: `/release/releases/${release.id}`,
          severity: severityOf[release.priority],
          topic: RELEASE_APPROVAL_REQUESTED_TOPIC,
          scope: `release-approval:${release.id}`,
        },
      });
    } catch (error) {
      this.logger.warn(
        `Could not ask for approval of ${release.number}: ${error}`,
      );
    }
  }

  async changed(
    release: Release,
    action: ReleaseAction | 'register',
    recipients: string[],
  ): Promise<void> {
    if (!this.notifications || recipients.length === 0) return;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: this.texts.changedTitle(release.number, action, release.title),
          description: this.texts.changedDescription(
            release.number,
            release.status,
          ),
          link: `/release/releases/${release.id}`,
          severity: severityOf[release.priority],
          topic: releaseNotificationTopic(action),
          scope: `release:${release.id}`,
        },
      });
    } catch (error) {
      this.logger.warn(
        `Could not notify about ${release.number} (${action}): ${error}`,
      );
    }
  }
}
