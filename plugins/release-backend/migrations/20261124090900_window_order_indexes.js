// @ts-check

/**
 * Windows sorted latest first with undated releases last
 * (`planned_start desc nulls last`) read a NULLS FIRST index backwards, so
 * a desktop page stops after its rows instead of sorting every match.
 * PostgreSQL only: SQLite has no NULLS placement in indexes.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'create index releases_planned_start_nulls_first_idx on releases (planned_start asc nulls first)',
  );
  await knex.raw(
    'create index releases_planned_end_nulls_first_idx on releases (planned_end asc nulls first)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('drop index if exists releases_planned_start_nulls_first_idx');
  await knex.raw('drop index if exists releases_planned_end_nulls_first_idx');
};
