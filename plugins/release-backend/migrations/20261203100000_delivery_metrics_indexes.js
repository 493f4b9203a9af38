// @ts-check

/**
 * Indexes for the delivery figures (docs/metrics.md). A scope's releases
 * that can count in a period are the executed ones and those closed since
 * its start: read per portfolio or executor group by state and closing
 * time. Recoveries look up the releases of a CI and, of each, whether it
 * ended successfully and when: both from an index alone, without reading
 * the wide release rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('releases', table => {
    table.index(
      ['portfolio_id', 'status', 'closed_at'],
      'releases_portfolio_state_closed_idx',
    );
    table.index(
      ['executor_group', 'status', 'closed_at'],
      'releases_group_state_closed_idx',
    );
    table.index(
      ['id', 'status', 'outcome', 'actual_end'],
      'releases_id_outcome_end_idx',
    );
  });
  await knex.schema.alterTable('release_ci_relations', table => {
    table.index(
      ['entity_ref', 'release_id'],
      'release_ci_relations_entity_release_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_ci_relations', table => {
    table.dropIndex([], 'release_ci_relations_entity_release_idx');
  });
  await knex.schema.alterTable('releases', table => {
    table.dropIndex([], 'releases_id_outcome_end_idx');
    table.dropIndex([], 'releases_group_state_closed_idx');
    table.dropIndex([], 'releases_portfolio_state_closed_idx');
  });
};
