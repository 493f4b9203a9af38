// @ts-check

/**
 * What each release reaches in the catalog (docs/impact.md#the-impact-index):
 * its CIs (distance 0) and the entities found by walking catalog relations
 * from them. Kept so "which releases touch this entity" and conflict checks
 * are one indexed lookup instead of a graph walk per release.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_impact', table => {
    table.comment('Entities a release touches, directly or through impact');
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.integer('distance').notNullable();
    table
      .string('via', 255)
      .notNullable()
      .comment('The CI the path starts from');
    table
      .text('path')
      .notNullable()
      .comment('JSON array of {from, relation, to}');
    table.string('kind', 50).notNullable();
    table.string('title', 300).notNullable();
    table.string('owner', 255).nullable();
    table.text('tags').notNullable().comment('JSON array of the entity tags');
    table.primary(['release_id', 'entity_ref']);
    table.index(['entity_ref', 'release_id'], 'release_impact_entity_idx');
  });
  // Conflict checks start from the open releases whose window overlaps.
  await knex.schema.alterTable('releases', table => {
    table.index(
      ['status', 'planned_start', 'planned_end'],
      'releases_status_window_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('releases', table => {
    table.dropIndex([], 'releases_status_window_idx');
  });
  await knex.schema.dropTable('release_impact');
};
