import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  releaseApprovePermission,
  releaseAuthorizePermission,
  releaseCreatePermission,
  releaseJustificationManagePermission,
  releaseOverridePermission,
  releaseReadPermission,
  releaseTransitionPermission,
} from '@internal/plugin-release-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { ReleasePermissionPolicy } from './releasePermissionPolicy';

const policy = new ReleasePermissionPolicy(['group:default/release-managers']);

function user(...ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  } as PolicyQueryUser;
}

const developer = user(
  'user:default/hiro.tanaka',
  'group:default/storefront-team',
);
const releaseManager = user(
  'user:default/ana.souza',
  'group:default/release-managers',
);

describe('ReleasePermissionPolicy', () => {
  it('lets everyone read and register releases, and leaves the rest of the portal open', async () => {
    for (const permission of [
      releaseReadPermission,
      releaseCreatePermission,
      catalogEntityReadPermission,
    ]) {
      expect(await policy.handle({ permission }, developer)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it("limits workflow actions to the release's manager, requester and executor group", async () => {
    expect(
      await policy.handle(
        { permission: releaseTransitionPermission },
        developer,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'release',
      resourceType: 'release',
      conditions: {
        anyOf: [
          {
            rule: 'IS_RELEASE_MANAGER',
            resourceType: 'release',
            params: { claims: developer.info.ownershipEntityRefs },
          },
          {
            rule: 'IS_RELEASE_REQUESTER',
            resourceType: 'release',
            params: { claims: developer.info.ownershipEntityRefs },
          },
          {
            rule: 'IS_IN_EXECUTOR_GROUP',
            resourceType: 'release',
            params: { claims: developer.info.ownershipEntityRefs },
          },
        ],
      },
    });
  });

  it("leaves authorization to the portfolio's authorizer group", async () => {
    const decision = await policy.handle(
      { permission: releaseAuthorizePermission },
      developer,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_PORTFOLIO_AUTHORIZER' },
    });
  });

  it("lets the current approval step's approvers decide it", async () => {
    const decision = await policy.handle(
      { permission: releaseApprovePermission },
      developer,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        rule: 'IS_CURRENT_APPROVER',
        params: { claims: developer.info.ownershipEntityRefs },
      },
    });
  });

  it('keeps overrides and the catalogue to admins', async () => {
    for (const permission of [
      releaseOverridePermission,
      releaseJustificationManagePermission,
    ]) {
      expect(await policy.handle({ permission }, developer)).toEqual({
        result: AuthorizeResult.DENY,
      });
      expect(await policy.handle({ permission }, releaseManager)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });
});
