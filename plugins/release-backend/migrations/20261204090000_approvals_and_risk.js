// @ts-check

/**
 * Change-advisory approvals, readiness and the explained risk assessment
 * (docs/approvals.md): policies on portfolios and models, the approval
 * round on each release, its decisions, the current step's approvers for
 * SQL filtering, and the risk factors.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_portfolios', table => {
    table.text('approval_policy').nullable().comment('JSON ApprovalPolicy');
    table
      .text('emergency_approval_policy')
      .nullable()
      .comment('JSON ApprovalPolicy for emergency releases');
  });
  await knex.schema.alterTable('release_models', table => {
    table
      .text('approval_policy')
      .nullable()
      .comment("JSON ApprovalPolicy; null: the portfolio's");
    table
      .text('emergency_approval_policy')
      .nullable()
      .comment("JSON ApprovalPolicy; null: the portfolio's emergency policy");
    table
      .text('readiness')
      .notNullable()
      .defaultTo('[]')
      .comment('JSON array of readiness items required before a request');
    table.integer('minimum_lead_time_hours').nullable();
  });
  await knex.schema.alterTable('releases', table => {
    table.text('backout_plan').nullable();
    table.string('test_evidence_url', 2000).nullable();
    table
      .integer('approval_round')
      .notNullable()
      .defaultTo(0)
      .comment('0 until authorization is first requested');
    table
      .string('approval_status', 20)
      .notNullable()
      .defaultTo('none')
      .comment('none, awaiting, approved, rejected or invalidated');
    table
      .integer('approval_step')
      .nullable()
      .comment('1-based, while awaiting');
    table.string('approval_requested_by', 255).nullable();
    table.timestamp('approval_requested_at', { useTz: true }).nullable();
    table
      .text('approval_steps')
      .nullable()
      .comment("JSON: the current round's steps, approvers resolved");
    table.integer('risk_score').nullable();
    table.string('risk_suggested', 10).nullable();
    table.text('risk_factors').nullable().comment('JSON RiskFactor[]');
    table.timestamp('risk_assessed_at', { useTz: true }).nullable();
    table
      .text('risk_override_justification')
      .nullable()
      .comment('Set when a manager chose another level than the suggestion');
    table.string('risk_override_by', 255).nullable();
    table.timestamp('risk_override_at', { useTz: true }).nullable();
  });
  await knex.schema.createTable('release_approvals', table => {
    table.comment('Each decision on a step of an approval round');
    table.uuid('id').primary();
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.integer('round').notNullable();
    table.integer('step').notNullable();
    table.string('approver', 255).notNullable();
    table.text('on_behalf_of').notNullable().comment('JSON array of refs');
    table.string('decision', 10).notNullable();
    table.text('comment').nullable();
    table.timestamp('decided_at', { useTz: true }).notNullable();
    // One decision per person per step: a second is refused, never counted.
    table.unique(['release_id', 'round', 'step', 'approver'], {
      indexName: 'release_approvals_one_per_person',
    });
  });
  await knex.schema.createTable('release_step_approvers', table => {
    table.comment(
      // No apostrophe: Knex does not escape a table comment on PostgreSQL.
      'The approver refs of the current step of releases awaiting approval, ' +
        'so "awaiting my approval" filters in SQL',
    );
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.string('approver_ref', 255).notNullable();
    table.primary(['release_id', 'approver_ref']);
    table.index(
      ['approver_ref', 'release_id'],
      'release_step_approvers_ref_idx',
    );
  });
  await knex.schema.alterTable('release_impact', table => {
    table
      .string('lifecycle', 50)
      .nullable()
      .comment("The entity's spec.lifecycle, for the risk assessment");
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_impact', table => {
    table.dropColumn('lifecycle');
  });
  await knex.schema.dropTable('release_step_approvers');
  await knex.schema.dropTable('release_approvals');
  await knex.schema.alterTable('releases', table => {
    for (const column of [
      'backout_plan',
      'test_evidence_url',
      'approval_round',
      'approval_status',
      'approval_step',
      'approval_requested_by',
      'approval_requested_at',
      'approval_steps',
      'risk_score',
      'risk_suggested',
      'risk_factors',
      'risk_assessed_at',
      'risk_override_justification',
      'risk_override_by',
      'risk_override_at',
    ]) {
      table.dropColumn(column);
    }
  });
  await knex.schema.alterTable('release_models', table => {
    for (const column of [
      'approval_policy',
      'emergency_approval_policy',
      'readiness',
      'minimum_lead_time_hours',
    ]) {
      table.dropColumn(column);
    }
  });
  await knex.schema.alterTable('release_portfolios', table => {
    for (const column of ['approval_policy', 'emergency_approval_policy']) {
      table.dropColumn(column);
    }
  });
};
