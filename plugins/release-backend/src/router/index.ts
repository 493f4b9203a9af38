import express from 'express';
import Router from 'express-promise-router';
import { ReleaseStore } from '../database/ReleaseStore';
import { createActivitiesRouter } from './activitiesRouter';
import { createApprovalsRouter } from './approvalsRouter';
import { createCatalogueRouter } from './catalogueRouter';
import { translateDatabaseErrors } from './databaseErrors';
import { translateMalformedBodies } from './malformedBodies';
import { createHealthRouter } from './healthRouter';
import { createImpactRouter } from './impactRouter';
import { createMetricsRouter } from './metricsRouter';
import { createRelationsRouter } from './relationsRouter';
import { createReleasesRouter } from './releasesRouter';
import { createSearchRouter } from './searchRouter';
import { RouterOptions } from './types';

/**
 * The plugin's HTTP API, mounted at `/api/release`.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions & { store: ReleaseStore },
): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  router.use(translateMalformedBodies);
  router.use(createHealthRouter(options));
  router.use(createReleasesRouter(options));
  router.use(createApprovalsRouter(options));
  router.use(createActivitiesRouter(options));
  router.use(createRelationsRouter(options));
  router.use(createImpactRouter(options));
  router.use(createSearchRouter(options));
  router.use(createCatalogueRouter(options));
  router.use(createMetricsRouter(options));
  router.use(translateDatabaseErrors);
  return router;
}
