// @ts-check

/**
 * Append-only history of every change to a release (docs/process.md#history).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_history', table => {
    table.comment('Every change to a release; never updated or deleted');
    table.bigIncrements('id').primary();
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('kind', 20).notNullable();
    table.string('action', 50).nullable();
    table.string('from_status', 20).nullable();
    table.string('to_status', 20).nullable();
    table.text('changes').nullable();
    table.uuid('justification_id').nullable();
    table.text('comment').nullable();
    table.index(['release_id', 'at'], 'release_history_release_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_history');
};
