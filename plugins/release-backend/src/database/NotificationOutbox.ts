import {
  Release,
  ReleaseAction,
  ReleaseActivity,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';

/** A notification a committed change owes. */
export type OwedNotification =
  | {
      kind: 'workflow';
      release: Release;
      action: ReleaseAction | 'register';
      /** Who it concerned when the change was committed. */
      recipients?: string[];
    }
  | { kind: 'assigned'; release: Release; activity: ReleaseActivity };

/** An owed notification as claimed from the outbox. */
export type ClaimedNotification = {
  id: string;
  notification: OwedNotification;
};

/**
 * The outbox of owed notifications: added inside a change's transaction,
 * claimed and deleted by whoever sends them. A claim is a lease, so a
 * notification whose sender stopped midway is taken again later.
 */
export class NotificationOutbox {
  constructor(private readonly db: Knex) {}

  async add(notifications: OwedNotification[], now: Date): Promise<void> {
    if (notifications.length === 0) return;
    await this.db('release_notification_outbox').insert(
      notifications.map(notification => ({
        created_at: now,
        notification: JSON.stringify(notification),
      })),
    );
  }

  /**
   * Takes up to `limit` notifications nobody holds (or whose lease ran out
   * before `leaseExpiredBefore`); each row is taken by one caller only.
   */
  async claim(
    limit: number,
    now: Date,
    leaseExpiredBefore: Date,
  ): Promise<ClaimedNotification[]> {
    const candidates = await this.db('release_notification_outbox')
      .where(q =>
        q
          .whereNull('claimed_at')
          .orWhere('claimed_at', '<', leaseExpiredBefore),
      )
      .orderBy('id')
      .limit(limit)
      .select('id', 'claimed_at', 'notification');
    const claimed: ClaimedNotification[] = [];
    for (const row of candidates) {
      // Taken only if nobody took it since it was read.
      const taken = await this.db('release_notification_outbox')
        .where({ id: row.id })
        .where(q =>
          row.claimed_at === null
            ? q.whereNull('claimed_at')
            : q.where('claimed_at', row.claimed_at),
        )
        .update({ claimed_at: now });
      if (taken === 1) {
        claimed.push({
          id: String(row.id),
          notification: JSON.parse(row.notification),
        });
      }
    }
    return claimed;
  }

  async remove(id: string): Promise<void> {
    await this.db('release_notification_outbox').where({ id }).delete();
  }

  async count(): Promise<number> {
    const row = await this.db('release_notification_outbox')
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }
}
