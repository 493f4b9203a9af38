import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Release management. */
  release?: {
    /**
     * How often suspended releases are checked for a resume date that has
     * come. Defaults to every minute.
     */
    autoResume?: SchedulerServiceTaskScheduleDefinitionConfig;
  };
}
