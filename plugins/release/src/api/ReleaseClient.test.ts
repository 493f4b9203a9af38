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

  it('sends repeated filters as repeated query parameters', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(`${baseUrl}/releases`, ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          countsByStatus: {},
        });
      }),
    );
    await client.listReleases({
      status: ['planning', 'authorized'],
      q: '',
      limit: 25,
    });
    expect(seen?.searchParams.getAll('status')).toEqual([
      'planning',
      'authorized',
    ]);
    expect(seen?.searchParams.has('q')).toBe(false);
    expect(seen?.searchParams.get('limit')).toBe('25');
  });

  it('counts the releases awaiting my approval from one row of the list', async () => {
    let seen: URL | undefined;
    server.use(
      http.get(`${baseUrl}/releases`, ({ request }) => {
        seen = new URL(request.url);
        return HttpResponse.json({
          items: [{ id: 'r1' }],
          totalCount: 3,
          countsByStatus: { 'awaiting-approval': 3 },
        });
      }),
    );
    await expect(client.countAwaitingMyApproval()).resolves.toBe(3);
    expect(Object.fromEntries(seen!.searchParams)).toEqual({
      awaitingApprovalBy: 'me',
      limit: '1',
    });
  });

  it('posts transitions and surfaces a refusal with its message', async () => {
    server.use(
      http.post(`${baseUrl}/releases/r1/transitions`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ConflictError',
              message:
                'Cannot deploy REL-000001: it is registered. Allowed now: plan',
            },
          },
          { status: 409 },
        ),
      ),
    );
    await expect(
      client.transition('r1', { action: 'deploy', expectedVersion: 1 }),
    ).rejects.toMatchObject({
      statusCode: 409,
      body: {
        error: { message: expect.stringContaining('Allowed now: plan') },
      },
    });
  });

  it('posts an approval decision and hands back the release it answers', async () => {
    let body: unknown;
    server.use(
      http.post(`${baseUrl}/releases/r1/approvals`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ id: 'r1', status: 'authorized' });
      }),
    );
    await expect(
      client.decideApproval('r1', {
        decision: 'approved',
        comment: 'Looks safe',
        expectedVersion: 7,
      }),
    ).resolves.toMatchObject({ id: 'r1', status: 'authorized' });
    expect(body).toEqual({
      decision: 'approved',
      comment: 'Looks safe',
      expectedVersion: 7,
    });
  });

  it('removes a relation, which answers without a body', async () => {
    server.use(
      http.delete(
        `${baseUrl}/releases/r1/relations/x1`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await expect(client.removeRelation('r1', 'x1')).resolves.toBeUndefined();
  });

  it('registers a release and its CIs in one POST, and hands back the wrong fields of a 400', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post(`${baseUrl}/releases`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                'Invalid request: cis.0.entityRef: is not in the catalog',
              details: [
                { field: 'cis.0.entityRef', message: 'is not in the catalog' },
              ],
            },
            request: { method: 'POST', url: '/api/release/releases' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        );
      }),
    );
    await expect(
      client.registerRelease({
        title: 'Orders 2.4',
        type: 'minor',
        cis: [
          { entityRef: 'component:default/orders-service', role: 'updated' },
        ],
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
      body: {
        error: {
          details: [
            { field: 'cis.0.entityRef', message: 'is not in the catalog' },
          ],
        },
      },
    });
    expect(bodies).toEqual([
      {
        title: 'Orders 2.4',
        type: 'minor',
        cis: [
          { entityRef: 'component:default/orders-service', role: 'updated' },
        ],
      },
    ]);
  });

  it('asks for delivery figures of one scope, period and bucket', async () => {
    const seen: URL[] = [];
    server.use(
      http.get(`${baseUrl}/metrics`, ({ request }) => {
        seen.push(new URL(request.url));
        return new URL(request.url).searchParams.get('format') === 'csv'
          ? new HttpResponse('start,end,executed\n', {
              headers: { 'Content-Type': 'text/csv' },
            })
          : HttpResponse.json({ bucket: 'week', buckets: [] });
      }),
      http.get(`${baseUrl}/metrics/comparison`, ({ request }) => {
        seen.push(new URL(request.url));
        return HttpResponse.json({ dimension: 'system', rows: [] });
      }),
    );

    await expect(
      client.getDeliveryMetrics({
        portfolioId: 'p1',
        from: '2026-06-01T00:00:00.000Z',
        bucket: 'week',
      }),
    ).resolves.toEqual({ bucket: 'week', buckets: [] });
    const csv = await client.exportDeliveryCsv({
      entityRef: 'system:default/storefront',
      language: 'pt-BR',
    });
    expect(await csv.text()).toBe('start,end,executed\n');
    await expect(
      client.getDeliveryComparison({ dimension: 'system' }),
    ).resolves.toEqual({ dimension: 'system', rows: [] });

    expect(seen.map(url => `${url.pathname}${url.search}`)).toEqual([
      '/api/release/metrics?portfolioId=p1&from=2026-06-01T00%3A00%3A00.000Z&bucket=week',
      '/api/release/metrics?entityRef=system%3Adefault%2Fstorefront&language=pt-BR&format=csv',
      '/api/release/metrics/comparison?dimension=system',
    ]);
  });

  it('throws the backend error naming a bad delivery query field', async () => {
    server.use(
      http.get(`${baseUrl}/metrics`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'to: must be after from',
              details: [{ field: 'to', message: 'must be after from' }],
            },
          },
          { status: 400 },
        ),
      ),
    );
    await expect(
      client.getDeliveryMetrics({
        from: '2026-12-01T00:00:00.000Z',
        to: '2026-01-01T00:00:00.000Z',
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });
});
