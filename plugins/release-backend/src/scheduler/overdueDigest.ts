import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { OverdueDigest } from '../notifications/OverdueDigest';

/** Every morning at 07:00 (UTC) unless `release.overdueDigest` says otherwise. */
const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { cron: '0 7 * * *' },
  timeout: { minutes: 10 },
};

/**
 * Sends the daily digest of overdue activities. The scheduler runs a task
 * once across all replicas, so nobody gets it twice.
 */
export async function scheduleOverdueDigest(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  digest: OverdueDigest;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}) {
  const { scheduler, logger, digest } = options;
  await scheduler.scheduleTask({
    id: 'release-overdue-digest',
    ...(options.schedule ?? defaultSchedule),
    fn: async () => {
      const recipients = await digest.send(new Date());
      logger.info(
        `Sent the overdue activity digest to ${recipients} recipient(s)`,
      );
    },
  });
}
