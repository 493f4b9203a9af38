import { mockCredentials } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { CachingPermissions } from './CachingPermissions';

const read = createPermission({ name: 'release.read', attributes: {} });
const create = createPermission({
  name: 'release.create',
  attributes: { action: 'create' },
});

function signedIn(userEntityRef: string, expiresAt = new Date(3_600_000)) {
  return { ...mockCredentials.user(userEntityRef), expiresAt };
}

/** A permission backend that allows only what `allowed` holds at the time. */
function backend(allowed: Set<string>) {
  const inner = {
    authorize: jest.fn(async (requests: any[]) =>
      requests.map(r => ({
        result: allowed.has(r.permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      })),
    ),
    authorizeConditional: jest.fn(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    ),
  };
  return inner as typeof inner & PermissionsService;
}

describe('CachingPermissions', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 0;
  });

  it('asks once for the same user, token and permissions within the time to live', async () => {
    const inner = backend(new Set(['release.read']));
    const permissions = new CachingPermissions(inner, 5000, now);
    const credentials = signedIn('user:default/ann');

    const first = await permissions.authorize([{ permission: read }], {
      credentials,
    });
    clock = 4999;
    const again = await permissions.authorize([{ permission: read }], {
      credentials,
    });

    expect(first[0].result).toBe(AuthorizeResult.ALLOW);
    expect(again).toEqual(first);
    expect(inner.authorize).toHaveBeenCalledTimes(1);
  });

  it('asks again once the time to live is over, and sees a changed policy', async () => {
    const allowed = new Set(['release.create']);
    const inner = backend(allowed);
    const permissions = new CachingPermissions(inner, 5000, now);
    const credentials = signedIn('user:default/ann');
    const ask = () =>
      permissions.authorize([{ permission: create }], { credentials });

    expect((await ask())[0].result).toBe(AuthorizeResult.ALLOW);
    allowed.delete('release.create');
    clock = 5000;

    expect((await ask())[0].result).toBe(AuthorizeResult.DENY);
    expect(inner.authorize).toHaveBeenCalledTimes(2);
  });

  it('keeps users, tokens, permissions and methods apart', async () => {
    const inner = backend(new Set(['release.read']));
    const permissions = new CachingPermissions(inner, 5000, now);
    const ann = signedIn('user:default/ann');

    await permissions.authorize([{ permission: read }], { credentials: ann });
    await permissions.authorize([{ permission: read }], {
      credentials: signedIn('user:default/bob'),
    });
    await permissions.authorize([{ permission: read }], {
      // Ann signed in again: a new token may carry new group memberships.
      credentials: signedIn('user:default/ann', new Date(7_200_000)),
    });
    await permissions.authorize([{ permission: create }], { credentials: ann });
    await permissions.authorize(
      [{ permission: read }, { permission: create }],
      { credentials: ann },
    );
    await permissions.authorizeConditional([{ permission: read }] as any, {
      credentials: ann,
    });

    expect(inner.authorize).toHaveBeenCalledTimes(5);
    expect(inner.authorizeConditional).toHaveBeenCalledTimes(1);
  });

  it('does not remember service callers, tokens without an expiry or a disabled cache', async () => {
    const inner = backend(new Set(['release.read']));
    const cached = new CachingPermissions(inner, 5000, now);
    const disabled = new CachingPermissions(inner, 0, now);

    for (let i = 0; i < 2; i++) {
      await cached.authorize([{ permission: read }], {
        credentials: mockCredentials.service(),
      });
      await cached.authorize([{ permission: read }], {
        credentials: mockCredentials.user('user:default/ann'),
      });
      await disabled.authorize([{ permission: read }], {
        credentials: signedIn('user:default/ann'),
      });
    }

    expect(inner.authorize).toHaveBeenCalledTimes(6);
  });

  it('shares one call between concurrent checks and forgets a failure', async () => {
    const inner = backend(new Set(['release.read']));
    inner.authorize.mockRejectedValueOnce(new Error('permission backend down'));
    const permissions = new CachingPermissions(inner, 5000, now);
    const credentials = signedIn('user:default/ann');
    const ask = () =>
      permissions.authorize([{ permission: read }], { credentials });

    const both = await Promise.allSettled([ask(), ask()]);
    expect(both.map(r => r.status)).toEqual(['rejected', 'rejected']);
    expect(inner.authorize).toHaveBeenCalledTimes(1);

    expect((await ask())[0].result).toBe(AuthorizeResult.ALLOW);
    expect(inner.authorize).toHaveBeenCalledTimes(2);
  });
});
