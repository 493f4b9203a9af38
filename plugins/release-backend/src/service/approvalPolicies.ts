import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import {
  Portfolio,
  Release,
  ReleaseModel,
} from '@internal/plugin-release-common';
import { EffectivePolicy, effectivePolicy } from '../approvals/effectivePolicy';
import { resolveSteps } from '../approvals/resolveSteps';
import { StoredStep } from '../database/ApprovalRepository';
import { ReleaseRepositories } from '../database/ReleaseStore';
import { userRefOf } from './audit';
import { ServiceContext } from './ServiceContext';

/** A release's effective policy with the portfolio and model it came from. */
export type PolicyOfRelease = EffectivePolicy & {
  portfolio: Portfolio | undefined;
  model: ReleaseModel | undefined;
};

/** The policy that applies to a release now (docs/approvals.md#policies). */
export async function policyOf(
  repositories: ReleaseRepositories,
  release: Pick<Release, 'type' | 'portfolioId' | 'modelId'>,
): Promise<PolicyOfRelease> {
  const [portfolio, model] = await Promise.all([
    release.portfolioId
      ? repositories.portfolios.get(release.portfolioId)
      : undefined,
    release.modelId
      ? repositories.portfolios.getModel(release.modelId)
      : undefined,
  ]);
  return { ...effectivePolicy(release, portfolio, model), portfolio, model };
}

/**
 * The steps of a new round: owners from the impact index as it stands in
 * `repositories`, group members from the catalog
 * (docs/approvals.md#the-approval-round).
 */
export async function resolveRoundSteps(
  context: ServiceContext,
  repositories: ReleaseRepositories,
  release: Release,
  policy: PolicyOfRelease,
): Promise<StoredStep[]> {
  return resolveSteps(policy.policy!, release, {
    authorizerGroup: policy.portfolio?.authorizerGroup ?? null,
    impactedOwners: (kinds, maxDistance) =>
      repositories.approvals.impactedOwners(release.id, kinds, maxDistance),
    groupsWithMembers: async refs => {
      const { items } = await context.catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: ['kind', 'metadata', 'relations'] },
        { credentials: await context.serviceCredentials() },
      );
      return new Set(
        refs.filter((_, index) =>
          items[index]?.relations?.some(r => r.type === RELATION_HAS_MEMBER),
        ),
      );
    },
  });
}

/**
 * The refs a signed-in user decides for: themselves and their groups, as
 * the user info service gives them (docs/approvals.md#permissions).
 */
export async function ownershipRefsOf(
  context: ServiceContext,
  credentials: BackstageCredentials,
): Promise<string[]> {
  const user = userRefOf(credentials);
  if (!user) {
    return [];
  }
  const refs = context.userInfo
    ? (await context.userInfo.getUserInfo(credentials)).ownershipEntityRefs
    : [user];
  return [...new Set([user, ...refs].map(ref => ref.toLocaleLowerCase()))];
}
