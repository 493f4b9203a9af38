import Router from 'express-promise-router';
import { RouterOptions } from './types';

/**
 * Advanced search of closed releases, the forward schedule and the pages the
 * portal's search collator reads.
 */
export function createSearchRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.get('/search/closed', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    if (req.query.format === 'csv') {
      const csv = await services.search.exportClosed(req.query, credentials);
      res
        .type('text/csv; charset=utf-8')
        .attachment('closed-releases.csv')
        .send(csv);
      return;
    }
    res.json(await services.search.searchClosed(req.query, credentials));
  });

  router.get('/search/documents', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await services.search.documents(req.query, credentials));
  });

  router.get('/calendar', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json({ items: await services.search.calendar(req.query, credentials) });
  });

  return router;
}
