import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

/** A policy as a function of the permission and the user asking. */
export type UserPolicy = (
  permission: Permission,
  userEntityRef: string,
) => PolicyDecision;

/**
 * The permissions service answering as the permission framework of a real
 * backend does, for tests that cross plugins:
 *
 * - service principals without access restrictions are allowed everything
 *   (`ServerPermissionClient` decides that without asking the policy);
 * - users get the policy's decision;
 * - a conditional decision asked about one resource (`authorize` with a
 *   `resourceRef`) is resolved by the plugin owning the resource type, at
 *   its `/.well-known/backstage/permissions/apply-conditions` endpoint, as
 *   the permission backend does; so the plugin's `getResources` and rules
 *   decide. Without a `resourceRef` it is a denial.
 */
export function permissionFrameworkFactory(policy: UserPolicy) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: { auth: coreServices.auth, discovery: coreServices.discovery },
    factory: ({ auth, discovery }) => {
      const decide = (
        permission: Permission,
        credentials: BackstageCredentials,
      ): PolicyDecision => {
        if (auth.isPrincipal(credentials, 'service')) {
          return { result: AuthorizeResult.ALLOW };
        }
        if (auth.isPrincipal(credentials, 'user')) {
          return policy(permission, credentials.principal.userEntityRef);
        }
        return { result: AuthorizeResult.DENY };
      };

      const applyConditions = async (
        decision: ConditionalPolicyDecision,
        resourceRef: string,
      ): Promise<PolicyDecision> => {
        const baseUrl = await discovery.getBaseUrl(decision.pluginId);
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: decision.pluginId,
        });
        const response = await fetch(
          `${baseUrl}/.well-known/backstage/permissions/apply-conditions`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              items: [
                {
                  id: '1',
                  resourceRef,
                  resourceType: decision.resourceType,
                  conditions: decision.conditions,
                },
              ],
            }),
          },
        );
        if (!response.ok) {
          throw await ResponseError.fromResponse(response);
        }
        const { items } = await response.json();
        return { result: items[0].result };
      };

      return {
        authorizeConditional: async (
          queries: Array<{ permission: Permission }>,
          options: { credentials: BackstageCredentials },
        ) =>
          queries.map(({ permission }) =>
            decide(permission, options.credentials),
          ),
        authorize: async (
          requests: Array<{ permission: Permission; resourceRef?: string }>,
          options: { credentials: BackstageCredentials },
        ) =>
          Promise.all(
            requests.map(({ permission, resourceRef }) => {
              const decision = decide(permission, options.credentials);
              if (decision.result !== AuthorizeResult.CONDITIONAL) {
                return decision;
              }
              return resourceRef
                ? applyConditions(decision, resourceRef)
                : { result: AuthorizeResult.DENY };
            }),
          ),
      } as any;
    },
  });
}
