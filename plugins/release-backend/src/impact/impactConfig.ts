import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_IMPACT_DEPTH,
  DEFAULT_IMPACT_RELATIONS,
  MAX_IMPACT_DEPTH,
} from '@internal/plugin-release-common';

/** `release.impact` in app-config. */
export type ImpactSettings = {
  depth: number;
  relations: string[];
  refresh: SchedulerServiceTaskScheduleDefinition;
};

export function readImpactSettings(config: RootConfigService): ImpactSettings {
  const depth =
    config.getOptionalNumber('release.impact.depth') ?? DEFAULT_IMPACT_DEPTH;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_IMPACT_DEPTH) {
    throw new Error(
      `release.impact.depth must be a whole number from 0 to ${MAX_IMPACT_DEPTH}, got ${depth}`,
    );
  }
  const refresh = config.getOptionalConfig('release.impact.refresh');
  return {
    depth,
    relations:
      config.getOptionalStringArray('release.impact.relations') ??
      DEFAULT_IMPACT_RELATIONS,
    refresh: refresh
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(refresh)
      : {
          frequency: { minutes: 30 },
          timeout: { minutes: 10 },
          initialDelay: { seconds: 30 },
        },
  };
}
