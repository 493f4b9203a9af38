import { IncomingHttpHeaders } from 'node:http';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/**
 * Signing in as another user of the example catalog, for trying the portal
 * as someone else and for the browser journeys (docs/example-users.md).
 * Development only: it trusts whatever the browser names.
 */

/** The request header that names the example user, e.g. `alex`. */
export const EXAMPLE_USER_HEADER = 'x-example-user';
/** The cookie that names the example user when the header does not. */
export const EXAMPLE_USER_COOKIE = 'example-user';
/** The auth provider's id: its routes are under `/api/auth/exampleUser`. */
export const EXAMPLE_USER_PROVIDER_ID = 'exampleUser';

/** Whether NODE_ENV lets the provider run: never in production. */
export function exampleUsersAllowed(nodeEnv: string | undefined) {
  return nodeEnv === 'development' || nodeEnv === 'test';
}

function cookieValue(header: string | undefined, name: string) {
  for (const part of header?.split(';') ?? []) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/**
 * The user a request names, the header before the cookie, as a user entity
 * ref (`alex` is `user:default/alex`); undefined when it names nobody.
 */
export function requestedExampleUser(
  headers: IncomingHttpHeaders,
): string | undefined {
  const header = headers[EXAMPLE_USER_HEADER];
  const fromHeader = (Array.isArray(header) ? header[0] : header)?.trim();
  const fromCookie = cookieValue(headers.cookie, EXAMPLE_USER_COOKIE)?.trim();
  const source = fromHeader ? EXAMPLE_USER_HEADER : EXAMPLE_USER_COOKIE;
  const named = fromHeader || fromCookie;
  if (!named) return undefined;
  let ref;
  try {
    ref = parseEntityRef(named, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(`${source}: ${(error as Error).message}`);
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'user') {
    throw new InputError(
      `${source}: ${named} is not a user; name a user of the catalog`,
    );
  }
  return stringifyEntityRef(ref);
}

type ExampleUserResult = { userEntityRef: string };

/** A catalog lookup's NotFoundError, as the refusal it is here. */
function notInCatalog(error: unknown, userEntityRef: string) {
  return (error as Error)?.name === 'NotFoundError'
    ? new NotAllowedError(`${userEntityRef} is not a user of the catalog`)
    : error;
}

/** Reads the named user, or the configured default (the guest). */
export const exampleUserAuthenticator = createProxyAuthenticator<
  { defaultUserEntityRef: string },
  ExampleUserResult,
  undefined
>({
  // The profile the Settings page shows: the catalog user's own.
  defaultProfileTransform: async ({ userEntityRef }, ctx) => {
    const { entity } = await ctx
      .findCatalogUser({ entityRef: userEntityRef })
      .catch(error => {
        throw notInCatalog(error, userEntityRef);
      });
    const profile = (entity.spec?.profile ?? {}) as {
      displayName?: string;
      email?: string;
      picture?: string;
    };
    return {
      profile: {
        displayName: profile.displayName ?? entity.metadata.name,
        email: profile.email,
        picture: profile.picture,
      },
    };
  },
  initialize({ config }) {
    return {
      defaultUserEntityRef:
        config.getOptionalString('defaultUserEntityRef') ??
        'user:default/guest',
    };
  },
  async authenticate({ req }, { defaultUserEntityRef }) {
    return {
      result: {
        userEntityRef:
          requestedExampleUser(req.headers) ?? defaultUserEntityRef,
      },
    };
  },
});

/**
 * Signs in as the catalog's user, with the groups the catalog gives them:
 * a name the catalog does not know is refused, never issued a token.
 */
export const signInAsExampleUser: SignInResolver<ExampleUserResult> = async (
  { result },
  ctx,
) => {
  try {
    return await ctx.signInWithCatalogUser({ entityRef: result.userEntityRef });
  } catch (error) {
    throw notInCatalog(error, result.userEntityRef);
  }
};

/**
 * Installs the `exampleUser` auth provider when `auth.providers.exampleUser`
 * is configured, unless NODE_ENV is production (or anything but development
 * and test): then it warns and installs nothing.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'example-user-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ providers, logger }) {
        if (!exampleUsersAllowed(process.env.NODE_ENV)) {
          logger.warn(
            `The ${EXAMPLE_USER_PROVIDER_ID} sign-in is for development only; ` +
              `not installed with NODE_ENV=${process.env.NODE_ENV ?? ''}`,
          );
          return;
        }
        providers.registerProvider({
          providerId: EXAMPLE_USER_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: exampleUserAuthenticator,
            signInResolver: signInAsExampleUser,
          }),
        });
      },
    });
  },
});
