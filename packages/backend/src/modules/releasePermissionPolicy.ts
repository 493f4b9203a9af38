import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createReleaseConditionalDecision,
  releaseConditions,
} from '@internal/plugin-release-backend';
import { RELEASE_RESOURCE_TYPE } from '@internal/plugin-release-common';

/**
 * A release policy an organisation can start from:
 * - everyone reads and registers releases;
 * - a release's manager, requester and executor group edit it and move it
 *   through the workflow;
 * - the authorizer group of its portfolio authorizes it;
 * - the approvers of the current step of its approval round approve or
 *   reject that step (docs/approvals.md#permissions);
 * - members of the admin groups may do everything, including overriding
 *   blackout windows and conflicts and keeping portfolios and the
 *   justification catalogue.
 * Everything outside release management is allowed, as in the default portal.
 */
export class ReleasePermissionPolicy implements PermissionPolicy {
  constructor(private readonly adminGroups: string[]) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!permission.name.startsWith('release.')) {
      return { result: AuthorizeResult.ALLOW };
    }
    const claims = user?.info.ownershipEntityRefs ?? [];
    if (claims.some(ref => this.adminGroups.includes(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      permission.name === 'release.read' ||
      permission.name === 'release.create'
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!isResourcePermission(permission, RELEASE_RESOURCE_TYPE)) {
      return { result: AuthorizeResult.DENY };
    }
    switch (permission.name) {
      case 'release.update':
      case 'release.transition':
        return createReleaseConditionalDecision(permission, {
          anyOf: [
            releaseConditions.isReleaseManager({ claims }),
            releaseConditions.isReleaseRequester({ claims }),
            releaseConditions.isInExecutorGroup({ claims }),
          ],
        });
      case 'release.authorize':
        return createReleaseConditionalDecision(
          permission,
          releaseConditions.isPortfolioAuthorizer({ claims }),
        );
      case 'release.approve':
        return createReleaseConditionalDecision(
          permission,
          releaseConditions.isCurrentApprover({ claims }),
        );
      default:
        return { result: AuthorizeResult.DENY };
    }
  }
}
