import { TestDatabases } from '@backstage/backend-test-utils';
import express from 'express';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import {
  checkResponsesAgainstOpenApi,
  HTTP_METHODS,
  loadOpenApiDocument,
  OpenApiResponseValidator,
  takeOpenApiProblems,
} from '../__testUtils__/openApi';
import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createRouter } from '../router';

jest.setTimeout(60_000);

const document = loadOpenApiDocument();

/** `METHOD /path/{param}` of every route an express router serves. */
function routesOf(router: any): string[] {
  return router.stack.flatMap((layer: any) => {
    if (layer.route) {
      return Object.keys(layer.route.methods)
        .filter(method => method !== '_all')
        .map(
          method =>
            `${method.toUpperCase()} ${layer.route.path.replace(
              /:(\w+)/g,
              '{$1}',
            )}`,
        );
    }
    return layer.handle?.stack ? routesOf(layer.handle) : [];
  });
}

function documentedOperations(): string[] {
  return Object.entries(document.paths as Record<string, any>).flatMap(
    ([path, item]) =>
      HTTP_METHODS.filter(method => item[method]).map(
        method => `${method.toUpperCase()} ${path}`,
      ),
  );
}

/** Every `$ref` in the document, with where it is. */
function refsIn(node: unknown, at = '#'): Array<[string, string]> {
  if (Array.isArray(node)) {
    return node.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  }
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) =>
      key === '$ref' && typeof value === 'string'
        ? [[at, value] as [string, string]]
        : refsIn(value, `${at}/${key}`),
    );
  }
  return [];
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a bearer token scheme, and every $ref resolves', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearerAuth).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(100);
    const dangling = refs.filter(([, ref]) => {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce<any>((node, key) => node?.[key], document);
      return !ref.startsWith('#/') || target === undefined;
    });
    expect(dangling).toEqual([]);
  });

  it('compiles every component schema as JSON Schema 2020-12', () => {
    const validator = new OpenApiResponseValidator(document);
    const broken = Object.keys(document.components.schemas).filter(name => {
      try {
        (validator as any).ajv.compile({
          $ref: `openapi#/components/schemas/${name}`,
        });
        return false;
      } catch (error) {
        return `${name}: ${error}`;
      }
    });
    expect(broken).toEqual([]);
  });

  it('documents exactly the routes the router serves, each with an operationId and its 401', async () => {
    const router = await createRouter({
      httpAuth: {} as any,
      services: {} as any,
      store: {} as any,
    });
    const served = routesOf(router).sort();
    expect(served.length).toBeGreaterThan(30);
    expect(documentedOperations().sort()).toEqual(served);

    const operations = Object.values(document.paths as Record<string, any>)
      .flatMap(item => HTTP_METHODS.map(method => item[method]))
      .filter(Boolean);
    const ids = operations.map(operation => operation.operationId);
    expect(new Set(ids).size).toBe(served.length);
    expect(
      operations
        .filter(operation => operation.operationId !== 'getHealth')
        .filter(operation => !operation.responses['401'])
        .map(operation => operation.operationId),
    ).toEqual([]);
  });
});

describe('checking responses against the document', () => {
  const validator = new OpenApiResponseValidator(document);
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('accepts a real release and names what breaks it', async () => {
    const api = await startReleaseBackend(await databases.init('SQLITE_3'));
    const { body: registered } = await api
      .post('/api/release/releases')
      .send({
        title: 'Orders service 2.4',
        type: 'minor',
        cis: [{ entityRef: 'component:default/orders-service', role: 'new' }],
      })
      .expect(201);
    const read = await api
      .get(`/api/release/releases/${registered.id}`)
      .expect(200);
    const asSent = {
      method: 'GET',
      path: `/releases/${registered.id}`,
      status: 200,
      contentType: read.headers['content-type'],
      body: read.text,
    };
    expect(validator.check(asSent)).toBeUndefined();

    const { version: _, ...withoutVersion } = read.body;
    const drifted = validator.check({
      ...asSent,
      body: JSON.stringify({
        ...withoutVersion,
        priority: 7,
        internalNotes: 'leaked',
      }),
    });
    expect(drifted).toContain(
      'GET /releases/{id} (getRelease) answered 200 with a body that breaks its schema',
    );
    expect(drifted).toContain("must have required property 'version'");
    expect(drifted).toContain('/priority must be <= 5');
    expect(drifted).toContain('"unevaluatedProperty":"internalNotes"');

    expect(validator.check({ ...asSent, status: 500 })).toContain(
      'GET /releases/{id} (getRelease) answered 500, a status its documented responses do not list',
    );
    expect(
      validator.check({ ...asSent, method: 'PUT', status: 200 }),
    ).toContain(
      'PUT /releases/{id}: the operation is not in the OpenAPI document (status 200)',
    );
    // Refused as an operation the API does not have: as documented.
    expect(
      validator.check({ ...asSent, method: 'PUT', status: 404 }),
    ).toBeUndefined();
    expect(
      validator.check({
        ...asSent,
        method: 'POST',
        path: '/releases',
        status: 400,
        body: JSON.stringify({
          error: { name: 'InputError', message: 'Invalid request' },
          request: { method: 'GET', url: '/' },
          response: { statusCode: 400 },
        }),
      }),
    ).toContain(
      "POST /releases (registerRelease) answered 400 with a body that breaks its schema:\n    /error must have required property 'details'",
    );
  });

  it('takes the literal path before a template', () => {
    expect(validator.templateOf('/releases/breakdown')).toBe(
      '/releases/breakdown',
    );
    expect(validator.templateOf('/releases/abc')).toBe('/releases/{id}');
    expect(validator.templateOf('/releases/abc/nothing')).toBeUndefined();
  });

  it('checks every response a test server sends, compressed or not', async () => {
    const app = express();
    app.get('/api/release/health', (_req, res) => {
      res
        .type('application/json')
        .set('content-encoding', 'gzip')
        .end(gzipSync(JSON.stringify({ status: 'fine', database: true })));
    });
    app.get('/api/release/calendar', (_req, res) => {
      res.json({ items: [] });
    });
    const server = checkResponsesAgainstOpenApi(createServer(app));
    try {
      await request(server).get('/api/release/health').expect(200);
      await request(server).get('/api/release/calendar').expect(200);
      await new Promise(resolve => setImmediate(resolve));
      const problems = takeOpenApiProblems();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(
        'GET /health (getHealth) answered 200 with a body that breaks its schema',
      );
      expect(problems[0]).toContain(
        '/status must be equal to one of the allowed values',
      );
      expect(problems[0]).toContain('request: GET /api/release/health');
    } finally {
      server.close();
    }
  });
});
