import {
  BackendFeature,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { releasePlugin } from '../plugin';
import { loadExampleCatalog } from './exampleCatalog';
import { fakePermissionsFactory, TestPolicy } from './fakePermissions';
import { checkResponsesAgainstOpenApi } from './openApi';

/** How a test backend differs from the default one. */
export type ReleaseBackendOptions = {
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  policy?: TestPolicy;
  config?: JsonObject;
  /** Run scheduled tasks on their real schedule (in the test database). */
  realScheduler?: boolean;
  /** The catalog's entities; the example catalog when absent. */
  entities?: Entity[];
  /** The catalog itself, for a test that changes it while the backend runs. */
  catalog?: CatalogService;
  /** More backend features, e.g. a module subscribing to events. */
  features?: Array<BackendFeature>;
};

/** Starts the plugin on a test database with the example catalog. */
export async function startReleaseBackend(
  knex: Knex,
  options: ReleaseBackendOptions = {},
) {
  return request(await startReleaseServer(knex, options));
}

/**
 * {@link startReleaseBackend}'s HTTP server itself, for real HTTP clients.
 * Every response it gives is checked against the OpenAPI document.
 */
export async function startReleaseServer(
  knex: Knex,
  options: ReleaseBackendOptions = {},
) {
  const { server } = await startTestBackend({
    features: [
      releasePlugin,
      mockServices.database.factory({ knex }),
      options.catalog
        ? createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () => options.catalog!,
          })
        : catalogServiceMock.factory({
            entities: options.entities ?? (await loadExampleCatalog()),
          }),
      ...(options.permission
        ? [mockServices.permissions.factory({ result: options.permission })]
        : []),
      ...(options.policy ? [fakePermissionsFactory(options.policy)] : []),
      ...(options.realScheduler ? [schedulerServiceFactory] : []),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.features ?? []),
    ],
  });
  return checkResponsesAgainstOpenApi(server);
}

/**
 * Backend options under which the real scheduler checks for releases to
 * resume every second, for tests of the automatic resume.
 */
export const resumingEverySecond: ReleaseBackendOptions = {
  realScheduler: true,
  config: {
    release: {
      autoResume: {
        frequency: { seconds: 1 },
        timeout: { seconds: 30 },
        initialDelay: { seconds: 0 },
      },
    },
  },
};

/** A supertest client of the started backend. */
export type ReleaseApi = Awaited<ReturnType<typeof startReleaseBackend>>;

/**
 * A window a week from now, two hours long. Distinct `slot`s give windows
 * that do not overlap, for releases on the same CI that must not conflict.
 */
export function nextWeekWindow(slot = 0) {
  const start = new Date(Date.now() + (7 * 24 + 3 * slot) * 3600 * 1000);
  start.setUTCMinutes(0, 0, 0);
  const end = new Date(start.getTime() + 2 * 3600 * 1000);
  return { plannedStart: start.toISOString(), plannedEnd: end.toISOString() };
}
