import Router from 'express-promise-router';
import { RouterOptions } from './types';

/** The justification catalogue, portfolios and release models. */
export function createCatalogueRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.get('/justifications', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await services.justifications.list() });
  });

  router.post('/justifications', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(await services.justifications.create(req.body, credentials));
  });

  router.patch('/justifications/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.justifications.update(
        req.params.id,
        req.body,
        credentials,
      ),
    );
  });

  router.get('/portfolios', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await services.portfolios.list() });
  });

  router.post('/portfolios', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(await services.portfolios.create(req.body, credentials));
  });

  router.get('/portfolios/:id', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await services.portfolios.get(req.params.id));
  });

  router.patch('/portfolios/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.portfolios.update(req.params.id, req.body, credentials),
    );
  });

  router.get('/portfolios/:id/summary', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.portfolios.summary(req.params.id, req.query, credentials),
    );
  });

  router.post('/portfolios/:id/models', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(
        await services.portfolios.createModel(
          req.params.id,
          req.body,
          credentials,
        ),
      );
  });

  router.patch('/portfolios/:id/models/:modelId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.portfolios.updateModel(
        req.params.id,
        req.params.modelId,
        req.body,
        credentials,
      ),
    );
  });

  return router;
}
