import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  Priority,
  RELEASE_OVERDUE_DIGEST_TOPIC,
} from '@internal/plugin-release-common';
import { DateTime } from 'luxon';
import {
  ActivityRepository,
  OverdueActivityRow,
} from '../database/ActivityRepository';
import {
  ApprovalRepository,
  AwaitingApprovalRow,
} from '../database/ApprovalRepository';
import { BackendTexts, textsIn } from '../texts';
import { severityOf } from './severity';

/** Overdue activities read per digest: far more than anyone acts on in a day. */
const DIGEST_LIMIT = 5000;
/** Activities named in one notification; the linked page shows the rest. */
const NAMED = 5;

/** How long a release awaits approval before the digest names it. */
const APPROVAL_OVERDUE_MS = 24 * 3600 * 1000;

/**
 * Once a day, tells each person with overdue release activities what they
 * are: the assignee (or, when nobody is assigned, the group) and the
 * release's manager, one notification each. Each approver (a user or a
 * group) of a current approval step requested more than a day ago gets one
 * more, naming those releases (docs/approvals.md#the-approval-round). The
 * scope carries the day, so a second run that day updates the notification
 * instead of adding one. Texts are in the portal's configured language
 * (docs/languages.md).
 */
export class OverdueDigest {
  constructor(
    private readonly notifications: NotificationService | undefined,
    private readonly activities: ActivityRepository,
    private readonly logger: LoggerService,
    private readonly texts: BackendTexts = textsIn('en'),
    private readonly approvals?: ApprovalRepository,
  ) {}

  /** Sends the digest for `now`; returns how many recipients got one. */
  async send(now: Date): Promise<number> {
    if (!this.notifications) return 0;
    const overdue = await this.activities.listOverdue(now, DIGEST_LIMIT);
    const day = DateTime.fromJSDate(now).toUTC().toISODate();
    let sent = await this.sendApprovals(now, day!);
    for (const [recipient, activities] of byRecipient(overdue)) {
      try {
        await this.notifications.send({
          recipients: { type: 'entity', entityRef: recipient },
          payload: digestPayload(activities, now, day!, this.texts),
        });
        sent++;
      } catch (error) {
        this.logger.warn(
          `Could not send the overdue digest to ${recipient}: ${error}`,
        );
      }
    }
    return sent;
  }

  /** The approvers' part of the digest; returns how many got one. */
  private async sendApprovals(now: Date, day: string): Promise<number> {
    if (!this.notifications || !this.approvals) return 0;
    const awaiting = await this.approvals.listAwaitingSince(
      new Date(now.getTime() - APPROVAL_OVERDUE_MS),
      DIGEST_LIMIT,
    );
    const byApprover = new Map<string, AwaitingApprovalRow[]>();
    for (const row of awaiting) {
      byApprover.set(row.approverRef, [
        ...(byApprover.get(row.approverRef) ?? []),
        row,
      ]);
    }
    let sent = 0;
    for (const [approver, rows] of byApprover) {
      try {
        await this.notifications.send({
          recipients: { type: 'entity', entityRef: approver },
          payload: approvalPayload(rows, now, day, this.texts),
        });
        sent++;
      } catch (error) {
        this.logger.warn(
          `Could not send the approval digest to ${approver}: ${error}`,
        );
      }
    }
    return sent;
  }
}

function approvalPayload(
  rows: AwaitingApprovalRow[],
  now: Date,
  day: string,
  texts: BackendTexts,
) {
  const named = rows.slice(0, NAMED).map(row =>
    texts.approvalDigestLine({
      releaseNumber: row.release.number,
      title: row.release.title,
      requestedAt: DateTime.fromISO(row.requestedAt),
      now: DateTime.fromJSDate(now),
    }),
  );
  const mostUrgent = Math.min(...rows.map(row => row.release.priority));
  return {
    title: texts.approvalDigestTitle(rows.length),
    description: named.join('; ') + texts.digestEnd(rows.length - named.length),
    link:
      rows.length === 1
        ? `/release/releases/${rows[0].release.id}`
        : '/release',
    severity: severityOf[mostUrgent as Priority],
    topic: RELEASE_OVERDUE_DIGEST_TOPIC,
    scope: `release-approval-digest:${day}`,
  };
}

function byRecipient(
  overdue: OverdueActivityRow[],
): Map<string, OverdueActivityRow[]> {
  const grouped = new Map<string, OverdueActivityRow[]>();
  for (const activity of overdue) {
    const recipients = new Set(
      [activity.assignee ?? activity.group, activity.release.manager].filter(
        (ref): ref is string => Boolean(ref),
      ),
    );
    for (const recipient of recipients) {
      grouped.set(recipient, [...(grouped.get(recipient) ?? []), activity]);
    }
  }
  return grouped;
}

function digestPayload(
  activities: OverdueActivityRow[],
  now: Date,
  day: string,
  texts: BackendTexts,
) {
  const releases = new Set(activities.map(activity => activity.release.id));
  const mostUrgent = Math.min(...activities.map(a => a.release.priority));
  const named = activities.slice(0, NAMED).map(activity =>
    texts.digestLine({
      releaseNumber: activity.release.number,
      title: activity.title,
      dueAt: DateTime.fromISO(activity.dueAt!),
      now: DateTime.fromJSDate(now),
    }),
  );
  const more = activities.length - named.length;
  return {
    title: texts.digestTitle(activities.length),
    description: named.join('; ') + texts.digestEnd(more),
    link:
      releases.size === 1
        ? `/release/releases/${activities[0].release.id}`
        : '/release',
    severity: severityOf[mostUrgent as Priority],
    topic: RELEASE_OVERDUE_DIGEST_TOPIC,
    scope: `release-overdue-digest:${day}`,
  };
}
