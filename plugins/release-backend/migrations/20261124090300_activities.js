// @ts-check

/**
 * Planning and deployment activities of a release
 * (docs/process.md#planning-and-deployment-activities).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_activities', table => {
    table.comment('Activities of the planning and deployment phases');
    table.uuid('id').primary();
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.string('phase', 20).notNullable();
    table.integer('position').notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('assignee', 255).nullable();
    table.string('assignee_group', 255).nullable();
    table.timestamp('due_at', { useTz: true }).nullable();
    table.string('status', 20).notNullable().defaultTo('pending');
    table.text('notes').nullable();
    table.string('completed_by', 255).nullable();
    table.timestamp('completed_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    // Each activity has its own counter, so people working different
    // activities of one release do not conflict.
    table.integer('version').notNullable().defaultTo(1);
    table.index(
      ['release_id', 'phase', 'position'],
      'release_activities_order_idx',
    );
    table.index(['assignee', 'status'], 'release_activities_assignee_idx');
    table.index(['assignee_group', 'status'], 'release_activities_group_idx');
    table.index(['status', 'due_at'], 'release_activities_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_activities');
};
