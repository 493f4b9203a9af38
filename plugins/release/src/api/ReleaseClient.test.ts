import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReleaseClient } from './ReleaseClient';

const server = setupServer();
registerMswTestHooks(server);

const baseUrl = 'http://backstage.test/api/release';
const client = new ReleaseClient({
  discoveryApi: { getBaseUrl: async () => baseUrl },
  fetchApi: new MockFetchApi(),
});

describe('ReleaseClient', () => {
  it('reads the service health', async () => {
    server.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json({ status: 'ok', database: true }),
      ),
    );
    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      database: true,
    });
  });

  it('reports a database outage instead of failing', async () => {
    server.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json(
          { status: 'unavailable', database: false },
          { status: 503 },
        ),
      ),
    );
    await expect(client.getHealth()).resolves.toEqual({
      status: 'unavailable',
      database: false,
    });
  });

  it('throws the backend error for other failures', async () => {
    server.use(
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json(
          { error: { name: 'AuthenticationError', message: 'no token' } },
          { status: 401 },
        ),
      ),
    );
    await expect(client.getHealth()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 401,
    });
  });
});
