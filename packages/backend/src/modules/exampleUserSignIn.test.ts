import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import authPlugin from '@backstage/plugin-auth-backend';
import request from 'supertest';
import exampleUserSignIn, {
  exampleUsersAllowed,
  requestedExampleUser,
} from './exampleUserSignIn';

const user = (
  name: string,
  memberOf: string[],
  profile?: { displayName: string; email: string },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf, profile },
  relations: memberOf.map(group => ({
    type: 'memberOf',
    targetRef: `group:default/${group}`,
  })),
});

const entities: Entity[] = [
  user('guest', ['release-managers', 'platform-team']),
  user('alex', ['data-team'], {
    displayName: 'Alex Moreau',
    email: 'alex.moreau@acme.example.com',
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'data-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
];

async function startAuth(nodeEnv: string) {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const { server } = await startTestBackend({
      features: [
        authPlugin,
        exampleUserSignIn,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              providers: {
                exampleUser: { defaultUserEntityRef: 'user:default/guest' },
              },
            },
          },
        }),
      ],
    });
    return server;
  } finally {
    process.env.NODE_ENV = previous;
  }
}

function refresh(server: Awaited<ReturnType<typeof startAuth>>) {
  return request(server)
    .get('/api/auth/exampleUser/refresh')
    .set('X-Requested-With', 'XMLHttpRequest');
}

describe('signing in as an example user', () => {
  it('signs in as the guest when the request names nobody', async () => {
    const server = await startAuth('development');
    const response = await refresh(server);
    expect(response.status).toBe(200);
    expect(response.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: expect.arrayContaining([
        'user:default/guest',
        'group:default/release-managers',
      ]),
    });
    expect(response.body.backstageIdentity.token).toEqual(expect.any(String));
  });

  it('signs in as the user the header names, with the groups the catalog gives them', async () => {
    const server = await startAuth('development');
    const response = await refresh(server).set('x-example-user', 'alex');
    expect(response.status).toBe(200);
    expect(response.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/alex',
      ownershipEntityRefs: ['user:default/alex', 'group:default/data-team'],
    });
    // What the Settings page shows.
    expect(response.body.profile).toEqual({
      displayName: 'Alex Moreau',
      email: 'alex.moreau@acme.example.com',
    });
  });

  it('signs in as the user the cookie names', async () => {
    const server = await startAuth('test');
    const response = await refresh(server).set(
      'Cookie',
      'theme=dark; example-user=user%3Adefault%2Falex',
    );
    expect(response.status).toBe(200);
    expect(response.body.backstageIdentity.identity.userEntityRef).toBe(
      'user:default/alex',
    );
  });

  it('refuses a user the catalog does not have, and a group', async () => {
    const server = await startAuth('development');
    const unknown = await refresh(server).set('x-example-user', 'mallory');
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.message).toBe(
      'user:default/mallory is not a user of the catalog',
    );
    expect(unknown.body.backstageIdentity).toBeUndefined();

    const group = await refresh(server).set(
      'x-example-user',
      'group:default/data-team',
    );
    expect(group.status).toBe(400);
    expect(group.body.error.message).toBe(
      'x-example-user: group:default/data-team is not a user; name a user of the catalog',
    );
  });

  it('does not run when NODE_ENV is production', async () => {
    const server = await startAuth('production');
    const named = await refresh(server).set('x-example-user', 'alex');
    expect(named.status).toBe(404);
    expect(named.body.backstageIdentity).toBeUndefined();
    const unnamed = await refresh(server);
    expect(unnamed.status).toBe(404);
  });
});

describe('requestedExampleUser', () => {
  it('prefers the header to the cookie and reads full refs and names', () => {
    expect(
      requestedExampleUser({
        'x-example-user': ' user:default/alex ',
        cookie: 'example-user=guest',
      }),
    ).toBe('user:default/alex');
    expect(requestedExampleUser({ cookie: 'example-user=ana.souza' })).toBe(
      'user:default/ana.souza',
    );
    expect(
      requestedExampleUser({ 'x-example-user': '', cookie: 'other=alex' }),
    ).toBeUndefined();
  });

  it('names the cookie when the cookie names a group', () => {
    expect(() =>
      requestedExampleUser({ cookie: 'example-user=group:default/cab' }),
    ).toThrow('example-user: group:default/cab is not a user');
  });
});

describe('exampleUsersAllowed', () => {
  it('allows development and test only', () => {
    expect(exampleUsersAllowed('development')).toBe(true);
    expect(exampleUsersAllowed('test')).toBe(true);
    expect(exampleUsersAllowed('production')).toBe(false);
    expect(exampleUsersAllowed(undefined)).toBe(false);
  });
});
