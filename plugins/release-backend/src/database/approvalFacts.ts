import { Knex } from 'knex';
import { ApprovalFacts } from '../permissions';
import { approvalRoundFromRow, currentApproversOf } from './ApprovalRepository';

/**
 * Whether an approval policy applies to each release, in SQL, so lists
 * offer request-authorization or authorize without reading policies
 * (docs/approvals.md#policies). Needs `release_portfolios` and
 * `release_models` joined.
 */
export function hasApprovalPolicyColumn(db: Knex): Knex.Raw {
  return db.raw(`case when (releases.type = 'emergency' and (
      release_models.emergency_approval_policy is not null or
      release_portfolios.emergency_approval_policy is not null))
    or release_models.approval_policy is not null
    or release_portfolios.approval_policy is not null
    then 1 else 0 end as has_approval_policy`);
}

/** Joins what {@link hasApprovalPolicyColumn} reads. */
export function joinPolicies(qb: Knex.QueryBuilder, portfolios = true) {
  if (portfolios) {
    qb.leftJoin(
      'release_portfolios',
      'release_portfolios.id',
      'releases.portfolio_id',
    );
  }
  return qb.leftJoin(
    'release_models',
    'release_models.id',
    'releases.model_id',
  );
}

/** The approval facts of a row with `has_approval_policy` and the round's columns. */
export function approvalFactsFromRow(row: any): ApprovalFacts {
  const facts: ApprovalFacts = {
    hasApprovalPolicy: Number(row.has_approval_policy) === 1,
  };
  if ('approval_steps' in row) {
    facts.currentApprovers = currentApproversOf(approvalRoundFromRow(row));
  }
  return facts;
}
