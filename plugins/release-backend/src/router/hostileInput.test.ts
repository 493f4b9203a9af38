import fc from 'fast-check';
import { Knex } from 'knex';
import { Response } from 'supertest';
import {
  nextWeekWindow,
  ReleaseApi,
  startReleaseBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(600_000);

const databases = createTestDatabases();
const base = '/api/release';

/*
 * Whatever a client sends, the answer is a 2xx or a 4xx naming what is
 * wrong, never a 5xx; and text stored as sent comes back as sent.
 */

const nasty = [
  "'; DROP TABLE releases; --",
  "Robert'); DELETE FROM release_history; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7} {{7*7}} %s %n',
  '\u0000\u0001\u202e',
  '🚀 façade ΑΒΓ 漢字',
  '2026-13-45T99:99:99Z',
  'component:',
  'user:default/../../etc/passwd',
  'group:default/',
  'not a ref at all',
];

const hostileString = fc.oneof(
  fc.constantFrom(...nasty),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  // Far past every length limit.
  fc.nat({ max: 3 }).map(n => 'x'.repeat(10_001 + n * 30_000)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 2 }),
);

/**
 * A body that is valid but for a few fields (hostile values, missing
 * fields, unknown fields), so validation is probed field by field.
 */
function bodyAround(valid: Record<string, unknown>) {
  const fields = Object.keys(valid);
  return fc
    .record({
      replaced: fc.dictionary(fc.constantFrom(...fields), hostileValue, {
        maxKeys: 3,
      }),
      dropped: fc.subarray(fields, { maxLength: 2 }),
      extra: fc.dictionary(
        fc.string({ minLength: 1, maxLength: 12 }),
        hostileValue,
        { maxKeys: 1 },
      ),
    })
    .map(({ replaced, dropped, extra }) => {
      const body: Record<string, unknown> = { ...valid, ...replaced };
      for (const field of dropped) delete body[field];
      return { ...extra, ...body };
    });
}

/** A bad request must say which field; anything else is a bug. */
function problemWith(
  response: Response,
  sent: Record<string, unknown>,
): string | undefined {
  if (response.status >= 500) {
    return `${response.status}: ${JSON.stringify(response.body)}`;
  }
  if (response.status === 400) {
    const message: string = response.body?.error?.message ?? '';
    const names = Object.keys(sent);
    if (!names.some(name => message.includes(name))) {
      return `400 names no field of ${names.join(', ')}: ${message}`;
    }
  }
  return undefined;
}

describe.each(databases.eachSupportedId())(
  'hostile input on %p',
  databaseId => {
    let knex: Knex;
    let api: ReleaseApi;
    let releaseId: string;
    let activityId: string;
    let portfolioId: string;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      api = await startReleaseBackend(knex);
      const release = await api
        .post(`${base}/releases`)
        .send({ title: 'Target', type: 'minor', ...nextWeekWindow() })
        .expect(201);
      releaseId = release.body.id;
      const activity = await api
        .post(`${base}/releases/${releaseId}/activities`)
        .send({ phase: 'planning', title: 'Scope' })
        .expect(201);
      activityId = activity.body.id;
      const portfolio = await api
        .post(`${base}/portfolios`)
        .send({ name: 'Hostile' })
        .expect(201);
      portfolioId = portfolio.body.id;
    });

    const version = async () =>
      (await api.get(`${base}/releases/${releaseId}`).expect(200)).body.version;

    const writes: Array<{
      name: string;
      valid: () => Promise<Record<string, unknown>>;
      send: (body: object) => Promise<Response>;
    }> = [
      {
        name: 'POST /releases',
        valid: async () => ({
          title: 'Orders 2.5',
          type: 'minor',
          impact: 'high',
          urgency: 'low',
          description: 'Split payments',
          manager: 'user:default/ana.souza',
          executorGroup: 'group:default/storefront-team',
          ...nextWeekWindow(),
        }),
        send: body => api.post(`${base}/releases`).send(body),
      },
      {
        name: 'PATCH /releases/:id',
        valid: async () => ({
          expectedVersion: await version(),
          title: 'Target',
          versionLabel: '2.5.0',
        }),
        send: body => api.patch(`${base}/releases/${releaseId}`).send(body),
      },
      {
        name: 'POST /releases/:id/transitions',
        valid: async () => ({
          action: 'plan',
          expectedVersion: await version(),
          comment: 'Scope agreed',
        }),
        send: body =>
          api.post(`${base}/releases/${releaseId}/transitions`).send(body),
      },
      {
        name: 'POST /releases/:id/activities',
        valid: async () => ({
          phase: 'planning',
          title: 'Rollback plan',
          assignee: 'user:default/ana.souza',
          dueAt: nextWeekWindow().plannedStart,
        }),
        send: body =>
          api.post(`${base}/releases/${releaseId}/activities`).send(body),
      },
      {
        name: 'PATCH /releases/:id/activities/:activityId',
        valid: async () => ({
          expectedVersion: (
            await api.get(`${base}/releases/${releaseId}`).expect(200)
          ).body.activities.find((a: any) => a.id === activityId).version,
          title: 'Scope',
          notes: 'Checked',
        }),
        send: body =>
          api
            .patch(`${base}/releases/${releaseId}/activities/${activityId}`)
            .send(body),
      },
      {
        name: 'POST /releases/:id/relations',
        valid: async () => ({
          kind: 'incident',
          key: `INC-${Math.floor(Math.random() * 1e9)}`,
          title: 'Checkout errors',
          url: 'https://itsm.example.com/INC-1',
        }),
        send: body =>
          api.post(`${base}/releases/${releaseId}/relations`).send(body),
      },
      {
        name: 'POST /releases/:id/media',
        valid: async () => ({
          name: 'orders.tar.gz',
          version: '2.5.0',
          checksum: 'sha256:abc',
        }),
        send: body =>
          api.post(`${base}/releases/${releaseId}/media`).send(body),
      },
      {
        name: 'POST /justifications',
        valid: async () => ({
          name: `Reason ${Math.random()}`,
          appliesTo: ['cancel'],
        }),
        send: body => api.post(`${base}/justifications`).send(body),
      },
      {
        name: 'POST /portfolios/:id/models',
        valid: async () => ({
          name: `Model ${Math.random()}`,
          planningTemplates: [{ title: 'Scope' }],
        }),
        send: body =>
          api.post(`${base}/portfolios/${portfolioId}/models`).send(body),
      },
    ];

    it.each(writes)(
      '$name answers every body with a 2xx or a 4xx naming the field',
      async ({ valid, send }) => {
        const problems: string[] = [];
        const template = await valid();
        await fc.assert(
          fc.asyncProperty(bodyAround(template), async body => {
            // Versions move as bodies succeed: keep the expected one current.
            const fresh = await valid();
            const sent =
              'expectedVersion' in body &&
              body.expectedVersion === template.expectedVersion
                ? { ...body, expectedVersion: fresh.expectedVersion }
                : body;
            // A field left out is named too.
            const problem = problemWith(await send(sent), {
              ...template,
              ...sent,
            });
            if (problem) problems.push(problem);
            return problem === undefined;
          }),
          { numRuns: 40 },
        );
        expect(problems).toEqual([]);
      },
    );

    it('stores SQL, HTML and unicode as text and gives it back unchanged', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...nasty.filter(text => !text.includes('\u0000'))),
          fc.string({ unit: 'grapheme', maxLength: 30 }),
          async (text, more) => {
            const title = `${text} ${more}`.trim() || 'x';
            const { body } = await api
              .post(`${base}/releases`)
              .send({ title, type: 'minor', description: text })
              .expect(201);
            const read = await api
              .get(`${base}/releases/${body.id}`)
              .expect(200);
            return read.body.title === title && read.body.description === text;
          },
        ),
        { numRuns: 25 },
      );
      // The tables the classic injections aim at are intact.
      const row = await knex('release_history').count({ n: '*' }).first();
      expect(Number(row?.n)).toBeGreaterThan(25);
    });

    it('answers every query string with a 2xx or a 4xx naming the parameter', async () => {
      const reads = [
        '/releases',
        '/releases/breakdown',
        '/search/closed',
        '/search/documents',
        '/calendar',
        '/blackouts',
        '/entity-overview',
        `/releases/${releaseId}/impact`,
        `/portfolios/${portfolioId}/summary`,
      ];
      const names = [
        'q',
        'status',
        'priority',
        'type',
        'entityRef',
        'includeImpacted',
        'limit',
        'offset',
        'orderBy',
        'from',
        'to',
        'depth',
        'closedFrom',
        'format',
        'manager',
        'after',
      ];
      const problems: string[] = [];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...reads),
          fc.dictionary(
            fc.constantFrom(...names),
            fc.oneof(
              hostileString,
              fc.array(hostileString, { minLength: 2, maxLength: 3 }),
            ),
            { maxKeys: 3 },
          ),
          async (path, query) => {
            const response = await api.get(`${base}${path}`).query(query);
            const problem = problemWith(
              response,
              // A required parameter left out is named too.
              {
                ...query,
                entityRef: undefined,
                from: undefined,
                to: undefined,
              },
            );
            if (problem) problems.push(`${path}: ${problem}`);
            return problem === undefined;
          },
        ),
        { numRuns: 120 },
      );
      expect(problems).toEqual([]);
    });
  },
);
