// @ts-check

/**
 * PostgreSQL statistics on how the impact index's entity, `partOf` mark and
 * release state go together. Estimated one by one they multiply out to an
 * eighth of a busy domain's rows, so the planner looked its releases up one
 * by one instead of joining them in one pass (docs/metrics.md#speed).
 * SQLite has no such statistics.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    `create statistics release_impact_scope_stats (mcv, dependencies)
       on entity_ref, part_of, release_status from release_impact`,
  );
  await knex.raw('analyze release_impact');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw('drop statistics if exists release_impact_scope_stats');
};
