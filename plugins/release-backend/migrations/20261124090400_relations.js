// @ts-check

/**
 * What a release relates to (docs/process.md#relations): catalog entities
 * (CIs), records in other systems (changes, problems, incidents, knowledge)
 * and definitive media.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_ci_relations', table => {
    table.comment('Catalog entities (configuration items) a release changes');
    table.uuid('id').primary();
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.string('role', 20).notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['release_id', 'entity_ref'], {
      indexName: 'release_ci_relations_uq',
    });
    table.index(['entity_ref'], 'release_ci_relations_entity_idx');
  });

  await knex.schema.createTable('release_external_relations', table => {
    table.comment(
      'Changes, problems, incidents and knowledge in other systems',
    );
    table.uuid('id').primary();
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.string('kind', 20).notNullable();
    table.string('key', 100).notNullable();
    table.string('title', 300).notNullable();
    table.string('url', 2000).nullable();
    table.string('source_system', 100).nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['release_id', 'kind', 'key'], {
      indexName: 'release_external_relations_uq',
    });
    table.index(['key'], 'release_external_relations_key_idx');
  });

  await knex.schema.createTable('release_media', table => {
    table.comment('Definitive media: the software and hardware items released');
    table.uuid('id').primary();
    table
      .uuid('release_id')
      .notNullable()
      .references('id')
      .inTable('releases')
      .onDelete('CASCADE');
    table.string('name', 200).notNullable();
    table.string('version', 100).nullable();
    table.string('location', 2000).nullable();
    table.string('checksum', 200).nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['release_id'], 'release_media_release_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_media');
  await knex.schema.dropTable('release_external_relations');
  await knex.schema.dropTable('release_ci_relations');
};
