import Router from 'express-promise-router';
import { RouterOptions } from './types';

/** Delivery figures from the release record (docs/metrics.md). */
export function createMetricsRouter({ httpAuth, services }: RouterOptions) {
  const router = Router();

  router.get('/metrics', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    if (req.query.format === 'csv') {
      const csv = await services.metrics.exportMetrics(req.query, credentials);
      res
        .type('text/csv; charset=utf-8')
        .attachment('delivery-metrics.csv')
        .send(csv);
      return;
    }
    res.json(await services.metrics.metrics(req.query, credentials));
  });

  router.get('/metrics/comparison', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await services.metrics.comparison(req.query, credentials));
  });

  return router;
}
