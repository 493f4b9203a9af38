import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of releases in the permission framework. @public */
export const RELEASE_RESOURCE_TYPE = 'release';

/** Register a release. @public */
export const releaseCreatePermission = createPermission({
  name: 'release.create',
  attributes: { action: 'create' },
});

/** See a release; conditional decisions filter lists in SQL. @public */
export const releaseReadPermission = createPermission({
  name: 'release.read',
  attributes: { action: 'read' },
  resourceType: RELEASE_RESOURCE_TYPE,
});

/** Edit a release's fields, activities and relations. @public */
export const releaseUpdatePermission = createPermission({
  name: 'release.update',
  attributes: { action: 'update' },
  resourceType: RELEASE_RESOURCE_TYPE,
});

/** Move a release through the workflow (every action but authorize). @public */
export const releaseTransitionPermission = createPermission({
  name: 'release.transition',
  attributes: { action: 'update' },
  resourceType: RELEASE_RESOURCE_TYPE,
});

/** Authorize a release (the change advisory board's decision). @public */
export const releaseAuthorizePermission = createPermission({
  name: 'release.authorize',
  attributes: { action: 'update' },
  resourceType: RELEASE_RESOURCE_TYPE,
});

/**
 * Approve or reject the current step of a release's approval round; the
 * example policy grants it on the condition "is an approver of the current
 * step" (docs/approvals.md#permissions).
 *
 * @public
 */
export const releaseApprovePermission = createPermission({
  name: 'release.approve',
  attributes: { action: 'update' },
  resourceType: RELEASE_RESOURCE_TYPE,
});

/** Authorize despite a blackout window or a conflict. @public */
export const releaseOverridePermission = createPermission({
  name: 'release.override',
  attributes: { action: 'update' },
  resourceType: RELEASE_RESOURCE_TYPE,
});

/** Create and edit portfolios and their release models. @public */
export const releasePortfolioManagePermission = createPermission({
  name: 'release.portfolio.manage',
  attributes: { action: 'update' },
});

/** Keep the justification catalogue. @public */
export const releaseJustificationManagePermission = createPermission({
  name: 'release.justification.manage',
  attributes: { action: 'update' },
});

/** Every permission of the release plugin. @public */
export const releasePermissions = [
  releaseCreatePermission,
  releaseReadPermission,
  releaseUpdatePermission,
  releaseTransitionPermission,
  releaseAuthorizePermission,
  releaseApprovePermission,
  releaseOverridePermission,
  releasePortfolioManagePermission,
  releaseJustificationManagePermission,
];
