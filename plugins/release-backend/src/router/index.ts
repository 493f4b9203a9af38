import express from 'express';
import Router from 'express-promise-router';
import { ReleaseStore } from '../database/ReleaseStore';
import { createHealthRouter } from './healthRouter';

/**
 * The plugin's HTTP API, mounted at `/api/release`.
 *
 * @internal
 */
export async function createRouter(options: {
  store: ReleaseStore;
}): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  router.use(createHealthRouter(options));
  return router;
}
