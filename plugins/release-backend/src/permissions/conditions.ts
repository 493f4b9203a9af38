import { createConditionExports } from '@backstage/plugin-permission-node';
import { releasePermissionResourceRef } from './resource';
import { releasePermissionRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: releasePermissionResourceRef,
  rules: releasePermissionRules,
});

/**
 * Conditions for a permission policy, e.g.
 * `releaseConditions.isReleaseManager({ claims: user.identity.ownershipEntityRefs })`.
 *
 * @public
 */
export const releaseConditions = conditions;

/** @public */
export const createReleaseConditionalDecision = createConditionalDecision;
