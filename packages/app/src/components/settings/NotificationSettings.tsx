import { UserNotificationSettingsCard } from '@backstage/plugin-notifications';
import { useReleaseNotificationNames } from '@internal/plugin-release';

/** Notification settings that name the release topics in the user's language. */
export const NotificationSettings = () => {
  const { originNames, topicNames } = useReleaseNotificationNames();
  return (
    <UserNotificationSettingsCard
      originNames={originNames}
      topicNames={topicNames}
    />
  );
};
