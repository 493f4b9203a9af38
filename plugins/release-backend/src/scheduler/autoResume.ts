import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { TransitionService } from '../service/TransitionService';

/** Every minute unless `release.autoResume` says otherwise. */
const defaultSchedule: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 1 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};

/**
 * Resumes suspended releases when their resume date comes
 * (docs/workflow.md#suspend-and-resume). The scheduler runs a task once
 * across all replicas, and each resume checks the release's version, so a
 * release is never resumed twice.
 */
export async function scheduleAutoResume(options: {
  scheduler: SchedulerService;
  auth: AuthService;
  logger: LoggerService;
  transitions: TransitionService;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}) {
  const { scheduler, auth, logger, transitions } = options;
  await scheduler.scheduleTask({
    id: 'release-auto-resume',
    ...(options.schedule ?? defaultSchedule),
    fn: async () => {
      const resumed = await transitions.resumeDue(
        await auth.getOwnServiceCredentials(),
      );
      if (resumed > 0) {
        logger.info(
          `Resumed ${resumed} suspended release(s) at their resume date`,
        );
      }
    },
  });
}
