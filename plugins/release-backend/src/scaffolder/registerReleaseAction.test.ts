import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { startReleaseServer } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { createRegisterReleaseAction } from './registerReleaseAction';

jest.setTimeout(60_000);

const databases = createTestDatabases();

/** The action wired to a running release backend, as a scaffolder would run it. */
async function actionAgainst(
  knex: Knex,
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const server = await startReleaseServer(knex, { permission });
  const action = createRegisterReleaseAction({
    discovery: mockServices.discovery.mock({
      getBaseUrl: async plugin =>
        `http://localhost:${server.port()}/api/${plugin}`,
    }),
    auth: mockServices.auth(),
    catalogWaitMs: 0,
  });
  const run = async (input: Record<string, unknown>) => {
    const output: Record<string, unknown> = {};
    await action.handler({
      input,
      output: (name: string, value: unknown) => {
        output[name] = value;
      },
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/ana.souza'),
      logger: mockServices.logger.mock(),
    } as any);
    return output;
  };
  return { run, api: request(server) };
}

describe.each(databases.eachSupportedId())(
  'the release:register scaffolder action on %p',
  databaseId => {
    it('registers a release for the component, requested by the user running the template', async () => {
      const { run, api } = await actionAgainst(
        await databases.init(databaseId),
        AuthorizeResult.ALLOW,
      );
      const output = await run({
        title: 'First release of the orders service',
        entityRef: 'component:default/orders-service',
        type: 'minor',
        role: 'new',
      });
      expect(output).toEqual({
        id: expect.any(String),
        number: expect.stringMatching(/^REL-\d{6}$/),
      });
      const { body } = await api
        .get(`/api/release/releases/${output.id}`)
        .expect(200);
      expect(body).toMatchObject({
        title: 'First release of the orders service',
        requester: 'user:default/ana.souza',
        status: 'registered',
        relations: [
          expect.objectContaining({
            entityRef: 'component:default/orders-service',
            role: 'new',
          }),
        ],
      });
    });

    it("fails with the backend's reason: an entity not in the catalog, a refused permission", async () => {
      const allowed = await actionAgainst(
        await databases.init(databaseId),
        AuthorizeResult.ALLOW,
      );
      await expect(
        allowed.run({
          title: 'Ghost',
          entityRef: 'component:default/no-such-service',
          type: 'minor',
          role: 'new',
        }),
      ).rejects.toThrow(
        /Could not register the release: .*cis\.0\.entityRef: component:default\/no-such-service is not in the catalog/,
      );
      // Nothing was written: the release and its CI are one transaction.
      const { body: list } = await allowed.api
        .get('/api/release/releases?q=Ghost')
        .expect(200);
      expect(list.totalCount).toBe(0);

      const denied = await actionAgainst(
        await databases.init(databaseId),
        AuthorizeResult.DENY,
      );
      await expect(
        denied.run({
          title: 'Not mine to register',
          entityRef: 'component:default/orders-service',
          type: 'minor',
          role: 'new',
        }),
      ).rejects.toThrow(
        /Could not register the release: You may not register releases/,
      );
    });
  },
);
