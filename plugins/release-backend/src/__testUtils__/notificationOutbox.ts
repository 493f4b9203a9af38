import { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits until every notification that committed changes owe has been sent:
 * they leave the outbox after the response, once sent.
 */
export async function owedNotificationsSent(knex: Knex, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await knex('release_notification_outbox')
      .count({ n: '*' })
      .first();
    if (Number(row?.n ?? 0) === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`${row?.n} owed notification(s) were not sent in time`);
    }
    await sleep(50);
  }
}
