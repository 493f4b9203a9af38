import Router from 'express-promise-router';
import { RouterOptions } from './types';

/** Decisions on a release's approval round (docs/approvals.md). */
export function createApprovalsRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.post('/releases/:id/approvals', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(
      await services.approvals.decide(req.params.id, req.body, credentials),
    );
  });

  return router;
}
