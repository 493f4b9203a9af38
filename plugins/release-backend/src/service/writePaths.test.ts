import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { ReleaseRepository } from '../database/ReleaseRepository';
import { owedNotificationsSent } from '../__testUtils__/notificationOutbox';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';
import { ReleaseApi, startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const manager = 'user:default/ana.souza';

/*
 * A registration and a transition write their row, history entry and owed
 * notifications together (in one statement on PostgreSQL, in one
 * transaction on SQLite): what a user sees of them must be the same.
 */
describe.each(databases.eachSupportedId())('writes on %p', databaseId => {
  let knex: Knex;
  let api: ReleaseApi;
  let sent: NotificationSendOptions[];

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    sent = [];
    api = await startReleaseBackend(knex, {
      features: [recordingNotifications(sent)],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  async function register(title: string) {
    const { body } = await api
      .post('/api/release/releases')
      .send({ title, type: 'minor', manager })
      .expect(201);
    return body;
  }

  async function history(id: string) {
    const { body } = await api
      .get(`/api/release/releases/${id}/history`)
      .expect(200);
    return body.items as Array<Record<string, unknown>>;
  }

  it('registers with the next number, its history entry and its notification naming that number', async () => {
    const first = await register('Orders 3.0');
    const second = await register('Orders 3.1');
    expect(Number(second.number.slice(4))).toBe(
      Number(first.number.slice(4)) + 1,
    );
    expect(await history(second.id)).toEqual([
      expect.objectContaining({
        kind: 'created',
        action: 'register',
        toStatus: 'registered',
        changes: expect.objectContaining({
          title: { before: null, after: 'Orders 3.1' },
          manager: { before: null, after: manager },
        }),
      }),
    ]);

    await owedNotificationsSent(knex);
    expect(sent.map(n => n.payload.title)).toEqual([
      `${first.number} was registered: Orders 3.0`,
      `${second.number} was registered: Orders 3.1`,
    ]);
    expect(sent[1]).toMatchObject({
      recipients: { type: 'entity', entityRef: [manager] },
      payload: { link: `/release/releases/${second.id}` },
    });
  });

  it('notifies a transition with the release as the transition wrote it', async () => {
    const release = await register('Billing 5.0');
    await owedNotificationsSent(knex);
    const { body: moved } = await api
      .post(`/api/release/releases/${release.id}/transitions`)
      .send({ action: 'plan', expectedVersion: 1 })
      .expect(200);
    expect(moved).toMatchObject({ status: 'planning', version: 2 });

    await owedNotificationsSent(knex);
    expect(sent[1].payload).toMatchObject({
      title: `${release.number} is being planned: Billing 5.0`,
      description: `Release ${release.number} is now planning.`,
    });
  });

  it('writes nothing of a transition whose release changed between its read and its write (409)', async () => {
    const release = await register('Gateway 3.1');
    await owedNotificationsSent(knex);
    const read = ReleaseRepository.prototype.getResources;
    // Someone else's edit lands right after the transition read the release.
    jest
      .spyOn(ReleaseRepository.prototype, 'getResources')
      .mockImplementationOnce(async function readThenChanged(
        this: ReleaseRepository,
        ids,
      ) {
        const resources = await read.call(this, ids);
        await knex('releases')
          .where({ id: release.id })
          .update({ title: 'Gateway 3.2', version: 2 });
        return resources;
      });

    const refused = await api
      .post(`/api/release/releases/${release.id}/transitions`)
      .send({ action: 'plan', expectedVersion: 1 })
      .expect(409);
    expect(refused.body.error.message).toContain('was changed by someone else');

    const { body: now } = await api
      .get(`/api/release/releases/${release.id}`)
      .expect(200);
    expect(now).toMatchObject({
      status: 'registered',
      title: 'Gateway 3.2',
      version: 2,
    });
    expect((await history(release.id)).map(e => e.action)).toEqual([
      'register',
    ]);
    // No notification owed: nothing waits in the outbox, nothing was sent.
    const [{ n }] = await knex('release_notification_outbox').count({
      n: '*',
    });
    expect(Number(n)).toBe(0);
    expect(sent.map(s => s.payload.topic)).toEqual(['release-register']);
  });
});
