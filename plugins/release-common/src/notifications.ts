import { ReleaseAction } from './types';

/** The notifications plugin's origin of what the release backend sends. @public */
export const RELEASE_NOTIFICATION_ORIGIN = 'plugin:release';

/** The topic of a workflow notification, one per action, so each can be muted. @public */
export function releaseNotificationTopic(
  action: ReleaseAction | 'register',
): string {
  return `release-${action}`;
}

/** The topic of the notification an activity's new assignee gets. @public */
export const RELEASE_ACTIVITY_ASSIGNED_TOPIC = 'release-activity-assigned';

/**
 * The topic of the notification a step's approvers get when the step starts
 * (docs/approvals.md#the-approval-round). @public
 */
export const RELEASE_APPROVAL_REQUESTED_TOPIC = 'release-approval-requested';

/** The topic of the daily digest of overdue activities. @public */
export const RELEASE_OVERDUE_DIGEST_TOPIC = 'release-overdue-digest';

const actionNames: Record<ReleaseAction | 'register', string> = {
  register: 'Release registered',
  plan: 'Planning started',
  'request-authorization': 'Authorization requested',
  authorize: 'Release authorized',
  replan: 'Back to planning',
  deploy: 'Deployment started',
  execute: 'Release executed',
  rework: 'Back to planning for rework',
  close: 'Release closed',
  suspend: 'Release suspended',
  resume: 'Release resumed',
  cancel: 'Release cancelled',
  reopen: 'Release reopened',
};

/**
 * Names for the notification settings page (`UserNotificationSettingsCard`
 * of `@backstage/plugin-notifications`), where users mute topics. @public
 */
export const releaseNotificationNames = {
  originNames: { [RELEASE_NOTIFICATION_ORIGIN]: 'Release management' },
  topicNames: {
    ...Object.fromEntries(
      Object.entries(actionNames).map(([action, name]) => [
        releaseNotificationTopic(action as ReleaseAction | 'register'),
        name,
      ]),
    ),
    [RELEASE_ACTIVITY_ASSIGNED_TOPIC]: 'Activity assigned to me',
    [RELEASE_APPROVAL_REQUESTED_TOPIC]: 'My approval requested',
    [RELEASE_OVERDUE_DIGEST_TOPIC]: 'Overdue activities digest',
  } as Record<string, string>,
};
