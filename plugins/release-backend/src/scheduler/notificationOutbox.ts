import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ReleaseChangePublisher } from '../changes/ReleaseChangePublisher';

/** Every 30 seconds unless `release.notificationOutbox` says otherwise. */
const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 30 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 10 },
};

/**
 * Sends notifications a stopped process owed: a change writes them to the
 * outbox in its own transaction and its process sends them right after
 * answering; what is still there (the process stopped first) is sent here.
 * Claims keep a notification from being sent twice.
 */
export async function scheduleNotificationOutbox(options: {
  scheduler: SchedulerService;
  changes: ReleaseChangePublisher;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}) {
  await options.scheduler.scheduleTask({
    id: 'release-notification-outbox',
    ...(options.schedule ?? defaultSchedule),
    fn: () => options.changes.drain(),
  });
}
