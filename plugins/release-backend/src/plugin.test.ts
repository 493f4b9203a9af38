import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { releasePlugin } from './plugin';

describe('releasePlugin', () => {
  it('answers its health check without credentials once its database is migrated', async () => {
    const { server } = await startTestBackend({ features: [releasePlugin] });

    const response = await request(server).get('/api/release/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: true });
  });
});
