import express from 'express';
import Router from 'express-promise-router';
import { ReleaseStore } from '../database/ReleaseStore';

/**
 * `GET /health`: 200 when the plugin and its database answer, 503 otherwise,
 * so load balancers take a replica without a database out of rotation.
 *
 * @internal
 */
export function createHealthRouter(options: {
  store: ReleaseStore;
}): express.Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const databaseUp = await options.store.isReachable();
    res.status(databaseUp ? 200 : 503).json({
      status: databaseUp ? 'ok' : 'unavailable',
      database: databaseUp,
    });
  });
  return router;
}
