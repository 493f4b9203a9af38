// @ts-check

/**
 * The catalogue of standard reasons for suspending, cancelling and reopening
 * (docs/process.md#the-justification-catalogue). Reasons in use are
 * deactivated, never deleted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_justifications', table => {
    table.comment('Standard reasons for suspend, cancel and reopen');
    table.uuid('id').primary();
    table.string('name', 200).notNullable().unique();
    table.text('description').notNullable().defaultTo('');
    table.boolean('active').notNullable().defaultTo(true);
    // JSON array of the actions it applies to: suspend, cancel, reopen.
    table.string('applies_to', 100).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.alterTable('release_history', table => {
    table
      .foreign('justification_id', 'release_history_justification_fk')
      .references('id')
      .inTable('release_justifications');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_history', table => {
    table.dropForeign('justification_id', 'release_history_justification_fk');
  });
  await knex.schema.dropTable('release_justifications');
};
