import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Release management. */
  release?: {
    /**
     * Fill an empty release database with a portfolio, a release model and a
     * few releases in different states (for demos). Default false.
     */
    exampleData?: boolean;
    /**
     * How often suspended releases are checked for a resume date that has
     * come. Defaults to every minute.
     */
    autoResume?: SchedulerServiceTaskScheduleDefinitionConfig;
  };
}
