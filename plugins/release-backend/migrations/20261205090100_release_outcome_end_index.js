// @ts-check

/**
 * The releases closed with an outcome, by actual end: the successes that
 * may recover a period's failures, read from the index alone when a scope
 * has so many failed CIs that starting from those CIs' releases would read
 * more (docs/metrics.md#speed).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('releases', table => {
    table.index(
      ['status', 'outcome', 'actual_end', 'id'],
      'releases_state_outcome_end_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('releases', table => {
    table.dropIndex([], 'releases_state_outcome_end_idx');
  });
};
