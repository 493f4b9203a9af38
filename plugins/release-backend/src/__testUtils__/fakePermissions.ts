import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';

/** A policy as a function of the permission asked for. */
export type TestPolicy = (permission: Permission) => PolicyDecision;

/**
 * The permissions service answering from a test policy, so conditional
 * decisions reach the plugin exactly as the permission framework sends them.
 */
export function fakePermissionsFactory(policy: TestPolicy) {
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () =>
      ({
        authorize: async (requests: Array<{ permission: Permission }>) =>
          requests.map(({ permission }) => {
            const decision = policy(permission);
            // A conditional basic permission cannot be; treat it as denied.
            return decision.result === AuthorizeResult.CONDITIONAL
              ? { result: AuthorizeResult.DENY }
              : decision;
          }),
        authorizeConditional: async (
          requests: Array<{ permission: Permission }>,
        ) => requests.map(({ permission }) => policy(permission)),
      } as any),
  });
}

/** Conditional on the release's manager being `userRef`. */
export function managerOnly(userRef: string): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'release',
    resourceType: 'release',
    conditions: {
      rule: 'IS_RELEASE_MANAGER',
      resourceType: 'release',
      params: { claims: [userRef] },
    },
  };
}
