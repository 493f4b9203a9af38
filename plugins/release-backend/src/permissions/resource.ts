import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  Release,
  RELEASE_RESOURCE_TYPE,
  ReleaseSummary,
} from '@internal/plugin-release-common';

/**
 * A release as permission rules see it: the record plus its portfolio's
 * authorizer group.
 *
 * @public
 */
export type ReleasePermissionResource = Release &
  ApprovalFacts & {
    authorizerGroup: string | null;
  };

/**
 * What a loaded release carries of its approval round
 * (docs/approvals.md#permissions); absent where it was not read.
 *
 * @public
 */
export type ApprovalFacts = {
  /** Whether an approval policy applies: request-authorization, not authorize. */
  hasApprovalPolicy?: boolean;
  /** The current step's approver refs, while the release awaits approval. */
  currentApprovers?: string[];
};

/**
 * What permission rules read of a release: lists carry no long texts, and
 * no rule needs them.
 *
 * @public
 */
export type ReleaseRuleSubject = ReleaseSummary &
  ApprovalFacts & {
    authorizerGroup: string | null;
  };

/**
 * A condition as SQL understands it: the release's `property` is one of
 * `values`. Criteria of these become `where` clauses, so lists are filtered
 * in the database.
 *
 * @public
 */
export type ReleaseFilter = {
  property:
    | 'manager'
    | 'requester'
    | 'executorGroup'
    | 'portfolioId'
    | 'status'
    | 'authorizerGroup'
    | 'currentApprover';
  values: string[];
};

/** @public */
export const releasePermissionResourceRef = createPermissionResourceRef<
  ReleaseRuleSubject,
  ReleaseFilter
>().with({ pluginId: 'release', resourceType: RELEASE_RESOURCE_TYPE });

/**
 * A release as the API shows it: without what only permission rules read.
 *
 * @internal
 */
export function withoutRuleFacts<T extends ReleaseRuleSubject>(
  subject: T,
): Omit<T, 'authorizerGroup' | 'hasApprovalPolicy' | 'currentApprovers'> {
  const {
    authorizerGroup: _a,
    hasApprovalPolicy: _p,
    currentApprovers: _c,
    ...record
  } = subject;
  return record;
}
