import {
  Release,
  ReleaseAction,
  ReleaseActivity,
} from '@internal/plugin-release-common';
import { Knex } from 'knex';
import { releaseFromRow } from './releaseRows';

/** A notification a committed change owes. */
export type OwedNotification =
  | {
      kind: 'workflow';
      release: Release;
      action: ReleaseAction | 'register';
      /** Who it concerned when the change was committed. */
      recipients: string[];
    }
  | { kind: 'assigned'; release: Release; activity: ReleaseActivity }
  | {
      kind: 'approval-requested';
      release: Release;
      step: { position: number; name: string };
      /** The step's approver refs. */
      recipients: string[];
    };

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

  /**
   * {@link add} as part of the statement that writes the notifications'
   * release (PostgreSQL): `written` names that statement's row as written
   * (a WITH of it), and each notification is stored with that row in place
   * of the release it was worked out from. Nothing is stored when the
   * statement writes no row.
   */
  addForWritten(
    notifications: OwedNotification[],
    now: Date,
    written: string,
  ): Knex.Raw {
    const bodies = notifications.map(({ release: _, ...rest }) =>
      JSON.stringify(rest),
    );
    return this.db.raw(
      `insert into release_notification_outbox (created_at, notification)
       select ?::timestamptz,
         (owed.body::jsonb || jsonb_build_object('releaseRow', to_jsonb(written)))::text
       from ?? as written
       cross join (values ${bodies.map(() => '(?)').join(', ')}) as owed(body)`,
      [now, written, ...bodies],
    );
  }

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
   * before `leaseExpiredBefore`), in one statement. The condition is checked
   * again on each row as it is updated (PostgreSQL re-reads a row another
   * transaction changed meanwhile), so a row is taken by one caller only.
   */
  async claim(
    limit: number,
    now: Date,
    leaseExpiredBefore: Date,
  ): Promise<ClaimedNotification[]> {
    const free = (q: Knex.QueryBuilder) =>
      q.whereNull('claimed_at').orWhere('claimed_at', '<', leaseExpiredBefore);
    const rows = await this.db('release_notification_outbox')
      .whereIn(
        'id',
        this.db('release_notification_outbox')
          .where(free)
          .orderBy('id')
          .limit(limit)
          .select('id'),
      )
      .where(free)
      .update({ claimed_at: now })
      .returning(['id', 'notification']);
    return rows
      .map(row => ({
        id: String(row.id),
        notification: owedFromStored(JSON.parse(row.notification)),
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Deletes notifications once sent. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db('release_notification_outbox').whereIn('id', ids).delete();
  }

  async count(): Promise<number> {
    const row = await this.db('release_notification_outbox')
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }
}

/** A stored notification; one stored by {@link NotificationOutbox.addForWritten} holds its release's row. */
function owedFromStored(
  stored:
    | OwedNotification
    | (Omit<OwedNotification, 'release'> & { releaseRow: any }),
): OwedNotification {
  if (!('releaseRow' in stored)) return stored;
  const { releaseRow, ...rest } = stored;
  return { ...rest, release: releaseFromRow(releaseRow) } as OwedNotification;
}
