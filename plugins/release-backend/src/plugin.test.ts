import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { releasePlugin } from './plugin';

describe('releasePlugin', () => {
  it('answers its health check without credentials once its database is migrated', async () => {
    const { server } = await startTestBackend({ features: [releasePlugin] });

    const response = await request(server).get('/api/release/health');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: true });
  });

  it('refuses to start in a language it cannot write, naming release.language', async () => {
    await expect(
      startTestBackend({
        features: [
          releasePlugin,
          mockServices.rootConfig.factory({
            data: { release: { language: 'fr' } },
          }),
        ],
      }),
    ).rejects.toThrow('release.language must be one of en, pt-BR, got "fr"');
  });
});
