import { createPermissionRule } from '@backstage/plugin-permission-node';
import { RELEASE_STATUSES } from '@internal/plugin-release-common';
import { z } from 'zod';
import {
  ReleaseFilter,
  ReleaseRuleSubject,
  releasePermissionResourceRef,
} from './resource';

const refsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      "Entity refs to match, usually the user's ownership refs (the user and their groups)",
    ),
});

function propertyRule(options: {
  name: string;
  description: string;
  property: ReleaseFilter['property'];
  read: (release: ReleaseRuleSubject) => string | null;
}) {
  return createPermissionRule({
    name: options.name,
    description: options.description,
    resourceRef: releasePermissionResourceRef,
    paramsSchema: refsSchema,
    apply: (release, { claims }) => {
      const value = options.read(release);
      return value !== null && claims.includes(value);
    },
    toQuery: ({ claims }) => ({ property: options.property, values: claims }),
  });
}

/** The release's manager is one of the claims. @public */
export const isReleaseManager = propertyRule({
  name: 'IS_RELEASE_MANAGER',
  description: 'Allow releases whose manager is one of the given refs',
  property: 'manager',
  read: release => release.manager,
});

/** The release's requester is one of the claims. @public */
export const isReleaseRequester = propertyRule({
  name: 'IS_RELEASE_REQUESTER',
  description: 'Allow releases requested by one of the given refs',
  property: 'requester',
  read: release => release.requester,
});

/** The release's executor group is one of the claims. @public */
export const isInExecutorGroup = propertyRule({
  name: 'IS_IN_EXECUTOR_GROUP',
  description: 'Allow releases carried out by one of the given groups',
  property: 'executorGroup',
  read: release => release.executorGroup,
});

/** The release's portfolio names one of the claims as its authorizer group. @public */
export const isPortfolioAuthorizer = propertyRule({
  name: 'IS_PORTFOLIO_AUTHORIZER',
  description:
    "Allow releases whose portfolio's authorizer group is one of the given groups",
  property: 'authorizerGroup',
  read: release => release.authorizerGroup,
});

/** The release belongs to one of the given portfolios. @public */
export const isInPortfolio = createPermissionRule({
  name: 'IS_IN_PORTFOLIO',
  description: 'Allow releases of the given portfolios',
  resourceRef: releasePermissionResourceRef,
  paramsSchema: z.object({
    portfolioIds: z.array(z.string()).describe('Portfolio ids'),
  }),
  apply: (release, { portfolioIds }) =>
    release.portfolioId !== null && portfolioIds.includes(release.portfolioId),
  toQuery: ({ portfolioIds }) => ({
    property: 'portfolioId',
    values: portfolioIds,
  }),
});

/** The release is in one of the given workflow states. @public */
export const hasReleaseStatus = createPermissionRule({
  name: 'HAS_RELEASE_STATUS',
  description: 'Allow releases in the given workflow states',
  resourceRef: releasePermissionResourceRef,
  paramsSchema: z.object({
    statuses: z.array(z.enum(RELEASE_STATUSES)).describe('Workflow states'),
  }),
  apply: (release, { statuses }) =>
    (statuses as string[]).includes(release.status),
  toQuery: ({ statuses }) => ({ property: 'status', values: statuses }),
});

/**
 * One of the claims is an approver of the release's current approval step
 * (docs/approvals.md#permissions).
 *
 * @public
 */
export const isCurrentApprover = createPermissionRule({
  name: 'IS_CURRENT_APPROVER',
  description:
    "Allow releases awaiting approval whose current step's approvers include one of the given refs",
  resourceRef: releasePermissionResourceRef,
  paramsSchema: refsSchema,
  apply: (release, { claims }) => {
    const refs = claims.map(claim => claim.toLocaleLowerCase());
    return (release.currentApprovers ?? []).some(ref => refs.includes(ref));
  },
  toQuery: ({ claims }) => ({
    property: 'currentApprover',
    values: claims.map(claim => claim.toLocaleLowerCase()),
  }),
});

/** @public */
export const releasePermissionRules = {
  isReleaseManager,
  isReleaseRequester,
  isInExecutorGroup,
  isPortfolioAuthorizer,
  isInPortfolio,
  hasReleaseStatus,
  isCurrentApprover,
};
