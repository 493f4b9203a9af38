import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  RELEASE_ACTIONS,
  RELEASE_ACTIVITY_ASSIGNED_TOPIC,
  RELEASE_NOTIFICATION_ORIGIN,
  RELEASE_OVERDUE_DIGEST_TOPIC,
  releaseNotificationTopic,
} from '@internal/plugin-release-common';
import { useMemo } from 'react';
import { releaseTranslationRef } from '../translations';

/**
 * The names of the release notifications' origin and topics, in the
 * language the user chose, for the notification settings page
 * (`UserNotificationSettingsCard` of `@backstage/plugin-notifications`),
 * where users mute topics. `releaseNotificationNames` gives them in
 * English to a portal that offers no other language.
 *
 * @public
 */
export function useReleaseNotificationNames(): {
  originNames: Record<string, string>;
  topicNames: Record<string, string>;
} {
  const { t } = useTranslationRef(releaseTranslationRef);
  return useMemo(
    () => ({
      originNames: { [RELEASE_NOTIFICATION_ORIGIN]: t('notifications.origin') },
      topicNames: {
        ...Object.fromEntries(
          (['register', ...RELEASE_ACTIONS] as const).map(action => [
            releaseNotificationTopic(action),
            t(`notifications.topic.${action}`),
          ]),
        ),
        [RELEASE_ACTIVITY_ASSIGNED_TOPIC]: t(
          'notifications.topic.activityAssigned',
        ),
        [RELEASE_OVERDUE_DIGEST_TOPIC]: t('notifications.topic.overdueDigest'),
      },
    }),
    [t],
  );
}
