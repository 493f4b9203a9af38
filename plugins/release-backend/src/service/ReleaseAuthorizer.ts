import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  allowedActions,
  ReleaseAction,
  releaseAuthorizePermission,
  releaseReadPermission,
  releaseTransitionPermission,
  RELEASE_RESOURCE_TYPE,
} from '@internal/plugin-release-common';
import { ReleaseVisibility } from '../database/permissionFilter';
import {
  ReleaseFilter,
  ReleaseRuleSubject,
  releasePermissionResourceRef,
} from '../permissions';

type ReleaseResourcePermission = ResourcePermission<
  typeof RELEASE_RESOURCE_TYPE
>;

/**
 * Asks the permission framework, and applies conditional decisions locally:
 * to a loaded release, or as SQL for lists.
 */
export class ReleaseAuthorizer {
  private readonly matches: (
    decision: Parameters<ReturnType<typeof createConditionAuthorizer>>[0],
    resource: ReleaseRuleSubject | undefined,
  ) => boolean;
  private readonly toFilter: ReturnType<
    typeof createConditionTransformer<ReleaseFilter>
  >;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    const ruleset = registry.getPermissionRuleset(releasePermissionResourceRef);
    this.matches = createConditionAuthorizer(ruleset);
    this.toFilter = createConditionTransformer(ruleset);
  }

  /** Throws 403 unless the caller holds a basic permission. */
  async require(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not ${describe(permission.name)}`);
    }
  }

  /** Whether the caller holds a resource permission on this release. */
  async can(
    permission: ReleaseResourcePermission,
    release: ReleaseRuleSubject,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return this.matches(decision, release);
  }

  /** Throws 403 unless the caller holds a resource permission on this release. */
  async requireOn(
    permission: ReleaseResourcePermission,
    release: ReleaseRuleSubject,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.can(permission, release, credentials))) {
      throw new NotAllowedError(
        `You may not ${describe(permission.name)} ${release.number}`,
      );
    }
  }

  /** Which releases the caller may read, for lists filtered in SQL. */
  async visibility(
    credentials: BackstageCredentials,
  ): Promise<ReleaseVisibility> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: releaseReadPermission }],
      { credentials },
    );
    return this.toVisibility(decision);
  }

  /**
   * What a page of releases needs, from one policy call: which releases the
   * caller may read (as SQL) and, per release, the actions allowed now.
   */
  async pageDecisions(credentials: BackstageCredentials): Promise<{
    visibility: ReleaseVisibility;
    mayRead: (release: ReleaseRuleSubject) => boolean;
    actionsOf: (releases: ReleaseRuleSubject[]) => ReleaseAction[][];
  }> {
    const [read, transition, authorize] =
      await this.permissions.authorizeConditional(
        [
          { permission: releaseReadPermission },
          { permission: releaseTransitionPermission },
          { permission: releaseAuthorizePermission },
        ],
        { credentials },
      );
    return {
      visibility: this.toVisibility(read),
      mayRead: release => this.matches(read, release),
      actionsOf: releases => this.actionsOf(transition, authorize, releases),
    };
  }

  private toVisibility(
    decision: Parameters<ReturnType<typeof createConditionAuthorizer>>[0],
  ): ReleaseVisibility {
    if (decision.result === AuthorizeResult.ALLOW) {
      return { kind: 'all' };
    }
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return { kind: 'none' };
    }
    return {
      kind: 'conditional',
      criteria: this.toFilter(decision.conditions),
    };
  }

  /** The actions of the workflow the caller may do on this release now. */
  async allowedActions(
    release: ReleaseRuleSubject,
    credentials: BackstageCredentials,
  ): Promise<ReleaseAction[]> {
    const [actions] = await this.allowedActionsOfEach([release], credentials);
    return actions;
  }

  /** {@link allowedActions} for a page of releases, with one policy call. */
  async allowedActionsOfEach(
    releases: ReleaseRuleSubject[],
    credentials: BackstageCredentials,
  ): Promise<ReleaseAction[][]> {
    const [transition, authorize] = await this.permissions.authorizeConditional(
      [
        { permission: releaseTransitionPermission },
        { permission: releaseAuthorizePermission },
      ],
      { credentials },
    );
    return this.actionsOf(transition, authorize, releases);
  }

  private actionsOf(
    transition: Parameters<ReturnType<typeof createConditionAuthorizer>>[0],
    authorize: Parameters<ReturnType<typeof createConditionAuthorizer>>[0],
    releases: ReleaseRuleSubject[],
  ): ReleaseAction[][] {
    return releases.map(release => {
      const mayTransition = this.matches(transition, release);
      const mayAuthorize = this.matches(authorize, release);
      // An approval policy replaces authorize with request-authorization
      // (docs/approvals.md#policies).
      const policy = release.hasApprovalPolicy === true;
      return allowedActions(release, action => {
        if (action === 'authorize') return mayAuthorize && !policy;
        if (action === 'request-authorization') return mayTransition && policy;
        return mayTransition;
      });
    });
  }
}

function describe(permissionName: string): string {
  const verbs: Record<string, string> = {
    'release.create': 'register releases',
    'release.read': 'see',
    'release.update': 'edit',
    'release.transition': 'move through the workflow',
    'release.authorize': 'authorize',
    'release.approve': 'approve or reject',
    'release.override': 'override blackout windows and conflicts on',
    'release.portfolio.manage': 'manage release portfolios',
    'release.justification.manage': 'manage the justification catalogue',
  };
  return verbs[permissionName] ?? permissionName;
}
