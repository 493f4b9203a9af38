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
import { BackendTexts, textsIn } from '../texts';
import { severityOf } from './severity';

/** Overdue activities read per digest: far more than anyone acts on in a day. */
const DIGEST_LIMIT = 5000;
/** Activities named in one notification; the linked page shows the rest. */
const NAMED = 5;

/**
 * Once a day, tells each person with overdue release activities what they
 * are: the assignee (or, when nobody is assigned, the group) and the
 * release's manager, one notification each. The scope carries the day, so
 * a second run that day updates the notification instead of adding one.
 * Texts are in the portal's configured language (docs/languages.md).
 */
export class OverdueDigest {
  constructor(
    private readonly notifications: NotificationService | undefined,
    private readonly activities: ActivityRepository,
    private readonly logger: LoggerService,
    private readonly texts: BackendTexts = textsIn('en'),
  ) {}

  /** Sends the digest for `now`; returns how many recipients got one. */
  async send(now: Date): Promise<number> {
    if (!this.notifications) return 0;
    const overdue = await this.activities.listOverdue(now, DIGEST_LIMIT);
    const day = DateTime.fromJSDate(now).toUTC().toISODate();
    let sent = 0;
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
