// @ts-check

const { parseEntityRef } = require('@backstage/catalog-model');

/**
 * The impact index carries each release's status, number, planned start and
 * closing time, and always holds its CIs (distance 0), so an entity's page
 * filters, counts and orders the releases reaching it from one index
 * instead of joining every one of them: a system or domain that thousands
 * of releases reach would otherwise read them all. Kept in step by the
 * release's own writes (`ReleaseRepository.update`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_impact', table => {
    table.string('release_status', 20).notNullable().defaultTo('registered');
    table.integer('release_number').notNullable().defaultTo(0);
    table.timestamp('release_planned_start', { useTz: true }).nullable();
    table.timestamp('release_closed_at', { useTz: true }).nullable();
  });
  // UPDATE … FROM: PostgreSQL, and SQLite since 3.33.
  await knex.raw(`
    update release_impact set
      release_status = releases.status,
      release_number = releases.number,
      release_planned_start = releases.planned_start,
      release_closed_at = releases.closed_at
    from releases
    where releases.id = release_impact.release_id`);

  // CIs whose entity the last walk could not find had no row; they get one
  // named after their ref, as the entity is unknown.
  const unindexed = await knex('release_ci_relations')
    .join('releases', 'releases.id', 'release_ci_relations.release_id')
    .whereNotExists(sub =>
      sub
        .select(knex.raw('1'))
        .from('release_impact')
        .whereRaw('release_impact.release_id = release_ci_relations.release_id')
        .whereRaw(
          'release_impact.entity_ref = release_ci_relations.entity_ref',
        ),
    )
    .select(
      'release_ci_relations.release_id',
      'release_ci_relations.entity_ref',
      'releases.status',
      'releases.number',
      'releases.planned_start',
      'releases.closed_at',
    );
  const rows = unindexed.map(row => {
    const { kind, name } = parseEntityRef(row.entity_ref);
    return {
      release_id: row.release_id,
      entity_ref: row.entity_ref,
      distance: 0,
      via: row.entity_ref,
      path: '[]',
      kind,
      title: name,
      owner: null,
      tags: '[]',
      release_status: row.status,
      release_number: row.number,
      release_planned_start: row.planned_start,
      release_closed_at: row.closed_at,
    };
  });
  for (let i = 0; i < rows.length; i += 50) {
    await knex('release_impact').insert(rows.slice(i, i + 50));
  }

  await knex.schema.alterTable('release_impact', table => {
    // An entity's releases counted by status…
    table.index(
      ['entity_ref', 'release_status', 'release_id'],
      'release_impact_entity_status_idx',
    );
    // …its open ones by window and its finished ones by closing date, read
    // in order so a page stops early (finished is exactly "closed at set").
    table.index(
      [
        'entity_ref',
        'release_planned_start',
        'release_number',
        'release_status',
        'release_id',
      ],
      'release_impact_entity_open_idx',
      { predicate: knex.whereNull('release_closed_at') },
    );
    table.index(
      [
        'entity_ref',
        'release_closed_at',
        'release_number',
        'release_status',
        'release_id',
      ],
      'release_impact_entity_finished_idx',
      { predicate: knex.whereNotNull('release_closed_at') },
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('release_impact', table => {
    table.dropIndex([], 'release_impact_entity_status_idx');
    table.dropIndex([], 'release_impact_entity_open_idx');
    table.dropIndex([], 'release_impact_entity_finished_idx');
    table.dropColumn('release_status');
    table.dropColumn('release_number');
    table.dropColumn('release_planned_start');
    table.dropColumn('release_closed_at');
  });
};
