// @ts-check

/**
 * Release portfolios and the release models they hold
 * (docs/process.md#portfolios-and-release-models).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_portfolios', table => {
    table.comment('Groups of releases, e.g. per product line');
    table.uuid('id').primary();
    table.string('name', 200).notNullable().unique();
    table.text('description').notNullable().defaultTo('');
    table.string('icon', 100).nullable();
    table.string('owner_group', 255).nullable();
    table.string('authorizer_group', 255).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('release_models', table => {
    table.comment('Release models: defaults and activity templates');
    table.uuid('id').primary();
    table
      .uuid('portfolio_id')
      .notNullable()
      .references('id')
      .inTable('release_portfolios')
      .onDelete('CASCADE');
    table.string('name', 200).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('category', 100).nullable();
    table.string('default_executor_group', 255).nullable();
    table.string('default_impact', 10).nullable();
    table.string('default_urgency', 10).nullable();
    table.string('lifecycle', 10).notNullable().defaultTo('new');
    // JSON arrays of { title, description }: read and written whole.
    table.text('planning_templates').notNullable().defaultTo('[]');
    table.text('deployment_templates').notNullable().defaultTo('[]');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['portfolio_id', 'name'], {
      indexName: 'release_models_portfolio_name_uq',
    });
  });

  await knex.schema.alterTable('releases', table => {
    table
      .foreign('portfolio_id', 'releases_portfolio_fk')
      .references('id')
      .inTable('release_portfolios');
    table
      .foreign('model_id', 'releases_model_fk')
      .references('id')
      .inTable('release_models');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('releases', table => {
    table.dropForeign('portfolio_id', 'releases_portfolio_fk');
    table.dropForeign('model_id', 'releases_model_fk');
  });
  await knex.schema.dropTable('release_models');
  await knex.schema.dropTable('release_portfolios');
};
