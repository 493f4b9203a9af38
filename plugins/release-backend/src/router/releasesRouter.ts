import Router from 'express-promise-router';
import { RouterOptions } from './types';

/** Register, list, read, edit and the history of releases. */
export function createReleasesRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.get('/releases', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await services.releases.list(req.query, credentials));
  });

  // Before `/releases/:id`, which would take "breakdown" for an id.
  router.get('/releases/breakdown', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await services.releases.breakdown(req.query, credentials));
  });

  router.post('/releases', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(await services.releases.register(req.body, credentials));
  });

  router.get('/releases/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await services.releases.get(req.params.id, credentials));
  });

  router.patch('/releases/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.releases.edit(req.params.id, req.body, credentials),
    );
  });

  router.get('/releases/:id/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({
      items: await services.releases.history(req.params.id, credentials),
    });
  });

  router.post('/releases/:id/transitions', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.transitions.transition(
        req.params.id,
        req.body,
        credentials,
      ),
    );
  });

  return router;
}
