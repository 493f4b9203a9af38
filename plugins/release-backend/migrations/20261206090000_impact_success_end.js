// @ts-check

/**
 * The impact index repeats, beside the release's state, when it ended if it
 * was closed as successful: the CIs' successes that may recover a failure
 * are then read from a small index of the CIs' own rows, for each failure
 * the first after it, without reading a year of successes and joining
 * them to their CIs (docs/metrics.md#speed). That replaces the index of
 * the releases by state, outcome and actual end, which served that read
 * alone. Kept in step by the release's own writes, as its other state.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_impact', table => {
    table
      .timestamp('release_succeeded_at', { useTz: true })
      .nullable()
      .comment("The release's actual end, when it is closed as successful");
  });
  // UPDATE … FROM: PostgreSQL, and SQLite since 3.33.
  await knex.raw(`
    update release_impact set release_succeeded_at = releases.actual_end
    from releases
    where releases.id = release_impact.release_id
      and releases.status = 'closed'
      and releases.outcome = 'successful'`);
  await knex.schema.alterTable('release_impact', table => {
    table.index(
      ['entity_ref', 'release_succeeded_at', 'release_id'],
      'release_impact_ci_success_idx',
      {
        // Literal, as an index's condition may not take parameters.
        predicate: knex
          .whereNotNull('release_succeeded_at')
          .whereRaw('distance = 0'),
      },
    );
  });
  await knex.schema.alterTable('releases', table => {
    table.dropIndex([], 'releases_state_outcome_end_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('releases', table => {
    table.index(
      ['status', 'outcome', 'actual_end', 'id'],
      'releases_state_outcome_end_idx',
    );
  });
  await knex.schema.alterTable('release_impact', table => {
    table.dropIndex([], 'release_impact_ci_success_idx');
  });
  await knex.schema.alterTable('release_impact', table => {
    table.dropColumn('release_succeeded_at');
  });
};
