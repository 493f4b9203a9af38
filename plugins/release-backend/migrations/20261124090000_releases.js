// @ts-check

/**
 * The release record (docs/fields.md#the-release) and the counter that hands
 * out release numbers (docs/fields.md#release-number).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('releases', table => {
    table.comment('Releases: significant changes to configuration items');
    table.uuid('id').primary();
    table.integer('number').notNullable().unique();
    table.string('title', 200).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('type', 20).notNullable();
    table.string('impact', 10).notNullable();
    table.string('urgency', 10).notNullable();
    table.integer('priority').notNullable();
    table.string('risk', 10).notNullable();
    table.text('business_justification').nullable();
    table.string('requester', 255).notNullable();
    table.string('manager', 255).nullable();
    table.string('executor_group', 255).nullable();
    table.uuid('portfolio_id').nullable();
    table.uuid('model_id').nullable();
    table.string('version_label', 100).nullable();
    table.timestamp('planned_start', { useTz: true }).nullable();
    table.timestamp('planned_end', { useTz: true }).nullable();
    table.timestamp('actual_start', { useTz: true }).nullable();
    table.timestamp('actual_end', { useTz: true }).nullable();
    table.string('outcome', 20).nullable();
    table.text('closure_notes').nullable();
    table.string('status', 20).notNullable();
    table.string('suspended_from', 20).nullable();
    table.timestamp('resume_at', { useTz: true }).nullable();
    table.integer('rework_count').notNullable().defaultTo(0);
    table.integer('reopen_count').notNullable().defaultTo(0);
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    table.integer('version').notNullable().defaultTo(1);

    table.index(['status', 'priority'], 'releases_status_priority_idx');
    table.index(['portfolio_id'], 'releases_portfolio_idx');
    table.index(['manager'], 'releases_manager_idx');
    table.index(['executor_group'], 'releases_executor_group_idx');
    table.index(['planned_start', 'planned_end'], 'releases_window_idx');
    table.index(['closed_at'], 'releases_closed_at_idx');
    table.index(['resume_at'], 'releases_resume_at_idx');
  });

  // One row per counter; registering a release increments it inside the same
  // transaction, so numbers are gap-free and never handed out twice.
  await knex.schema.createTable('release_counters', table => {
    table.comment('Sequences for human-readable release numbers');
    table.string('name', 50).primary();
    table.integer('value').notNullable();
  });
  await knex('release_counters').insert({ name: 'release_number', value: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_counters');
  await knex.schema.dropTable('releases');
};
