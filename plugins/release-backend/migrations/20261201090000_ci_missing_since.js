// @ts-check

/**
 * When a CI's entity was first found missing from the catalog: the catalog
 * emits no deletion events, so the impact refresh notices instead.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_ci_relations', table => {
    table
      .timestamp('missing_since', { useTz: true })
      .nullable()
      .comment('When the catalog was first found without this entity');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_ci_relations', table => {
    table.dropColumn('missing_since');
  });
};
