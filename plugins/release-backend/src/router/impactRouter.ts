import Router from 'express-promise-router';
import { RouterOptions } from './types';

/**
 * Impact analysis, conflicts, blackout windows and entity figures
 * (docs/impact.md).
 */
export function createImpactRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.get('/releases/:id/impact', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.impact.analyse(req.params.id, req.query, credentials),
    );
  });

  router.get('/releases/:id/conflicts', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await services.impact.conflicts(req.params.id, credentials));
  });

  router.get('/blackouts', async (req, res) => {
    // Who asks does not change the answer, but only signed-in callers ask.
    await httpAuth.credentials(req);
    res.json(services.impact.blackouts(req.query));
  });

  router.get('/entity-overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await services.impact.entityOverview(req.query, credentials));
  });

  return router;
}
