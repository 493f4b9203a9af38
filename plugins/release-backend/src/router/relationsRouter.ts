import Router from 'express-promise-router';
import { RouterOptions } from './types';

/** CIs, external records and definitive media related to a release. */
export function createRelationsRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.post('/releases/:id/relations', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(await services.relations.add(req.params.id, req.body, credentials));
  });

  router.delete('/releases/:id/relations/:relationId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await services.relations.remove(
      req.params.id,
      req.params.relationId,
      credentials,
    );
    res.status(204).end();
  });

  router.post('/releases/:id/media', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(
        await services.relations.addMedia(req.params.id, req.body, credentials),
      );
  });

  router.delete('/releases/:id/media/:mediaId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await services.relations.removeMedia(
      req.params.id,
      req.params.mediaId,
      credentials,
    );
    res.status(204).end();
  });

  return router;
}
