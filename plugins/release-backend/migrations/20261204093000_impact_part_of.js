// @ts-check

/**
 * Whether each impact index row is a CI itself or reached from it through
 * `partOf` alone: what the delivery figures of a system or domain count
 * (docs/metrics.md#scope-and-period). Kept as a column, written with the
 * row, instead of matched in its JSON path on every read: the database then
 * knows how many rows of a domain qualify, and reads them from an index
 * alone, without each row's path.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_impact', table => {
    table
      .boolean('part_of')
      .notNullable()
      .defaultTo(false)
      .comment('The CI itself, or reached from it through partOf alone');
  });
  // A path is JSON of {from, relation, to} steps: with every partOf step
  // removed, none may be left.
  await knex('release_impact')
    .where('distance', 0)
    .orWhereRaw(`replace(path, ?, '') not like ?`, [
      '"relation":"partOf"',
      '%"relation":"%',
    ])
    .update({ part_of: true });
  await knex.schema.alterTable('release_impact', table => {
    // An entity's releases that can count in a period: by state, and the
    // closed ones by closing time.
    table.index(
      [
        'entity_ref',
        'part_of',
        'release_status',
        'release_closed_at',
        'release_id',
      ],
      'release_impact_entity_part_of_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_impact', table => {
    table.dropIndex([], 'release_impact_entity_part_of_idx');
    table.dropColumn('part_of');
  });
};
