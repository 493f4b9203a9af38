// @ts-check

/**
 * Notifications a committed change owes, written in the change's own
 * transaction and sent after the response: a process that stops right
 * after answering leaves them here, and the next drain sends them
 * (docs/workflow.md#after-a-change-is-committed).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('release_notification_outbox', table => {
    table.comment('Notifications owed by committed changes, not yet sent');
    table.bigIncrements('id').primary();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .comment('When the change that owes it was committed');
    table
      .timestamp('claimed_at', { useTz: true })
      .nullable()
      .comment('When a drain took it; another may take it after a lease');
    table
      .text('notification')
      .notNullable()
      .comment('JSON: what to send, with the release as committed');
    table.index(['claimed_at', 'id'], 'release_notification_outbox_claim_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('release_notification_outbox');
};
