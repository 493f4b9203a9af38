// @ts-check
const { randomUUID } = require('node:crypto');

/**
 * A starting justification catalogue, so suspend, cancel and reopen work out
 * of the box. Administrators deactivate what they do not use.
 */
const defaults = [
  [
    'Awaiting a vendor fix',
    'A supplier must deliver a fix before the release can go on.',
    ['suspend'],
  ],
  [
    'Change freeze',
    'A freeze period (e.g. year-end) forbids the deployment for now.',
    ['suspend'],
  ],
  [
    'Resources unavailable',
    'The people or environments needed are not available.',
    ['suspend'],
  ],
  [
    'Business priorities changed',
    'The business asked to stop or postpone the release.',
    ['suspend', 'cancel'],
  ],
  [
    'Superseded by another release',
    'Another release delivers the same change.',
    ['cancel'],
  ],
  ['Duplicate registration', 'The release was registered twice.', ['cancel']],
  [
    'Defect found after closure',
    'The released change shows a defect that needs another cycle.',
    ['reopen'],
  ],
  [
    'Closed by mistake',
    'The release was closed or cancelled in error.',
    ['reopen'],
  ],
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  const now = new Date();
  await knex('release_justifications').insert(
    defaults.map(([name, description, appliesTo]) => ({
      id: randomUUID(),
      name,
      description,
      active: true,
      applies_to: JSON.stringify(appliesTo),
      created_at: now,
      updated_at: now,
    })),
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('release_justifications')
    .whereIn(
      'name',
      defaults.map(([name]) => name),
    )
    .delete();
};
