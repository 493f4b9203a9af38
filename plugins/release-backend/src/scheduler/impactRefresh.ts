import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ImpactService } from '../service/ImpactService';

/**
 * Walks the catalog again for open and recently finished releases, so the
 * impact index follows catalog changes (new dependencies, moved systems).
 * The scheduler runs it once across all replicas.
 */
export async function scheduleImpactRefresh(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  impact: ImpactService;
  schedule: SchedulerServiceTaskScheduleDefinition;
}) {
  const { scheduler, logger, impact } = options;
  await scheduler.scheduleTask({
    id: 'release-impact-refresh',
    ...options.schedule,
    fn: async () => {
      const refreshed = await impact.refreshRecent();
      logger.debug(`Refreshed the impact of ${refreshed} release(s)`);
    },
  });
}
