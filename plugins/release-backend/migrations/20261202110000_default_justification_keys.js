// @ts-check

/**
 * Marks the seeded justification reasons with a stable key, so the plugin
 * can write them in the portal's configured language (docs/languages.md).
 * The key stays only while an administrator has not changed the reason's
 * name or description; a reason already changed gets none.
 */
const defaults = [
  [
    'awaiting-vendor-fix',
    'Awaiting a vendor fix',
    'A supplier must deliver a fix before the release can go on.',
  ],
  [
    'change-freeze',
    'Change freeze',
    'A freeze period (e.g. year-end) forbids the deployment for now.',
  ],
  [
    'resources-unavailable',
    'Resources unavailable',
    'The people or environments needed are not available.',
  ],
  [
    'business-priorities-changed',
    'Business priorities changed',
    'The business asked to stop or postpone the release.',
  ],
  [
    'superseded',
    'Superseded by another release',
    'Another release delivers the same change.',
  ],
  [
    'duplicate-registration',
    'Duplicate registration',
    'The release was registered twice.',
  ],
  [
    'defect-after-closure',
    'Defect found after closure',
    'The released change shows a defect that needs another cycle.',
  ],
  [
    'closed-by-mistake',
    'Closed by mistake',
    'The release was closed or cancelled in error.',
  ],
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('release_justifications', table => {
    table
      .string('default_key', 50)
      .nullable()
      .unique({ indexName: 'release_justifications_default_key_uniq' })
      .comment('Which seeded reason this is, while its text is the seeded one');
  });
  for (const [key, name, description] of defaults) {
    await knex('release_justifications')
      .where({ name, description })
      .update({ default_key: key });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Back to the English the seeding migration knows, so its own down
  // finds the reasons it added.
  for (const [key, name, description] of defaults) {
    await knex('release_justifications')
      .where({ default_key: key })
      .update({ name, description });
  }
  await knex.schema.alterTable('release_justifications', table => {
    table.dropUnique(
      ['default_key'],
      'release_justifications_default_key_uniq',
    );
    table.dropColumn('default_key');
  });
};
