import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { Release } from '@internal/plugin-release-common';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { ReleaseEventPublisher } from '../events/ReleaseEventPublisher';
import { ReleaseNotifier } from '../notifications/ReleaseNotifier';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { ReleaseChangePublisher } from './ReleaseChangePublisher';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const release = {
  id: '4f0c9a52-1b7e-4c55-9a55-1f1c3d2e7a10',
  number: 'REL-000042',
  title: 'Orders 3.0',
  status: 'planning',
  priority: 2,
  manager: 'user:default/ana.souza',
  executorGroup: 'group:default/platform-team',
} as Release;

/** A process of the plugin: its own publisher on the shared database. */
function processOn(
  store: DatabaseReleaseStore,
  sent: NotificationSendOptions[],
) {
  const logger = mockServices.logger.mock();
  return new ReleaseChangePublisher({
    store,
    auditor: mockServices.auditor.mock(),
    events: new ReleaseEventPublisher(undefined, logger),
    notifier: new ReleaseNotifier(
      { send: async options => void sent.push(options) },
      logger,
    ),
    logger,
  });
}

describe.each(databases.eachSupportedId())(
  'owed notifications on %p',
  databaseId => {
    it('are written with the change and sent by another process when the first stops before sending', async () => {
      const store = await DatabaseReleaseStore.create({
        database: mockServices.database({
          knex: await databases.init(databaseId),
        }),
      });
      const sentByFirst: NotificationSendOptions[] = [];
      const first = processOn(store, sentByFirst);

      // Committed, answered, and then the process stopped: nothing announced.
      await first.transaction(async () => ({
        result: undefined,
        change: {
          kind: 'transitioned',
          release,
          action: 'plan',
          fromStatus: 'registered',
          toStatus: 'planning',
          automatic: false,
        },
      }));
      expect(sentByFirst).toEqual([]);
      expect(await store.outbox.count()).toBe(1);

      // Two other processes drain at once; the notification goes out once.
      const sentByOthers: NotificationSendOptions[] = [];
      await Promise.all([
        processOn(store, sentByOthers).drain(),
        processOn(store, sentByOthers).drain(),
      ]);
      expect(sentByOthers).toEqual([
        expect.objectContaining({
          recipients: {
            type: 'entity',
            entityRef: [release.manager, release.executorGroup],
          },
          payload: expect.objectContaining({
            title: 'REL-000042 is being planned: Orders 3.0',
            topic: 'release-plan',
          }),
        }),
      ]);
      expect(await store.outbox.count()).toBe(0);
    });

    it('hold nothing for a change nobody is to hear of', async () => {
      const store = await DatabaseReleaseStore.create({
        database: mockServices.database({
          knex: await databases.init(databaseId),
        }),
      });
      const sent: NotificationSendOptions[] = [];
      // No manager, no executor group, nothing touched: no recipient.
      await processOn(store, sent).transaction(async () => ({
        result: undefined,
        change: {
          kind: 'transitioned',
          release: { ...release, manager: null, executorGroup: null },
          action: 'plan',
          fromStatus: 'registered',
          toStatus: 'planning',
          automatic: false,
        },
      }));
      expect(await store.outbox.count()).toBe(0);
      expect(sent).toEqual([]);
    });
  },
);
