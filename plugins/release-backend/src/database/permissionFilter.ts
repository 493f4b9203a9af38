import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { ReleaseFilter } from '../permissions';

/**
 * What a caller may see: everything, nothing, or the releases matching
 * conditional criteria.
 */
export type ReleaseVisibility =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'conditional'; criteria: PermissionCriteria<ReleaseFilter> };

const columnOf: Record<
  Exclude<ReleaseFilter['property'], 'authorizerGroup' | 'currentApprover'>,
  string
> = {
  manager: 'releases.manager',
  requester: 'releases.requester',
  executorGroup: 'releases.executor_group',
  portfolioId: 'releases.portfolio_id',
  status: 'releases.status',
};

function applyFilter(qb: Knex.QueryBuilder, filter: ReleaseFilter) {
  if (filter.values.length === 0) {
    qb.whereRaw('1 = 0');
  } else if (filter.property === 'authorizerGroup') {
    qb.whereIn('releases.portfolio_id', sub =>
      sub
        .select('id')
        .from('release_portfolios')
        .whereIn('authorizer_group', filter.values),
    );
  } else if (filter.property === 'currentApprover') {
    // The current step's approvers are kept apart for this
    // (docs/approvals.md#permissions).
    qb.whereIn('releases.id', sub =>
      sub
        .select('release_id')
        .from('release_step_approvers')
        .whereIn('approver_ref', filter.values),
    );
  } else {
    qb.whereIn(columnOf[filter.property], filter.values);
  }
}

function applyCriteria(
  qb: Knex.QueryBuilder,
  criteria: PermissionCriteria<ReleaseFilter>,
) {
  if (isAndCriteria(criteria)) {
    qb.where(inner => {
      for (const child of criteria.allOf) {
        inner.andWhere(q => applyCriteria(q, child));
      }
    });
  } else if (isOrCriteria(criteria)) {
    qb.where(inner => {
      for (const child of criteria.anyOf) {
        inner.orWhere(q => applyCriteria(q, child));
      }
    });
  } else if (isNotCriteria(criteria)) {
    qb.whereNot(inner => applyCriteria(inner, criteria.not));
  } else {
    applyFilter(qb, criteria);
  }
}

/** Restricts a query on `releases` to what the caller may see, in SQL. */
export function applyVisibility(
  qb: Knex.QueryBuilder,
  visibility: ReleaseVisibility,
): void {
  if (visibility.kind === 'none') {
    qb.whereRaw('1 = 0');
  } else if (visibility.kind === 'conditional') {
    qb.where(inner => applyCriteria(inner, visibility.criteria));
  }
}
