import Router from 'express-promise-router';
import { RouterOptions } from './types';

/** Planning and deployment activities of a release. */
export function createActivitiesRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.post('/releases/:id/activities', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res
      .status(201)
      .json(
        await services.activities.add(req.params.id, req.body, credentials),
      );
  });

  router.patch('/releases/:id/activities/:activityId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.activities.update(
        req.params.id,
        req.params.activityId,
        req.body,
        credentials,
      ),
    );
  });

  router.delete('/releases/:id/activities/:activityId', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    await services.activities.remove(
      req.params.id,
      req.params.activityId,
      credentials,
    );
    res.status(204).end();
  });

  return router;
}
