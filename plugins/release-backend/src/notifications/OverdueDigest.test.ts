import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { ActivityRepository } from '../database/ActivityRepository';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';
import { startReleaseBackend } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { textsIn } from '../texts';
import { OverdueDigest } from './OverdueDigest';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const DAY = 24 * 3600 * 1000;

describe.each(databases.eachSupportedId())(
  'the overdue activity digest on %p',
  databaseId => {
    it('tells each assignee, group and manager once about the open activities past due', async () => {
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex);
      const soon = (days: number) =>
        new Date(Date.now() + days * DAY).toISOString();
      const register = async (body: object) =>
        (await api.post('/api/release/releases').send(body).expect(201)).body;
      const addActivity = async (releaseId: string, body: object) =>
        (
          await api
            .post(`/api/release/releases/${releaseId}/activities`)
            .send({ phase: 'planning', ...body })
            .expect(201)
        ).body;

      const failover = await register({
        title: 'Orders database failover',
        type: 'emergency',
        impact: 'high',
        urgency: 'high',
        manager: 'user:default/ana.souza',
      });
      const search = await register({
        title: 'Search 4.2',
        type: 'minor',
        impact: 'low',
        urgency: 'low',
        manager: 'user:default/bruno.lima',
      });
      const dropped = await register({
        title: 'Dropped idea',
        type: 'minor',
        manager: 'user:default/ana.souza',
      });

      await addActivity(failover.id, {
        title: 'Backup restore drill',
        assignee: 'user:default/carla.mendes',
        dueAt: soon(1),
      });
      await addActivity(failover.id, {
        title: 'Capacity review',
        group: 'group:default/platform-team',
        dueAt: soon(2),
      });
      await addActivity(failover.id, {
        title: 'Not due yet',
        assignee: 'user:default/carla.mendes',
        dueAt: soon(10),
      });
      const finished = await addActivity(failover.id, {
        title: 'Already done',
        assignee: 'user:default/carla.mendes',
        dueAt: soon(1),
      });
      await api
        .patch(`/api/release/releases/${failover.id}/activities/${finished.id}`)
        .send({ expectedVersion: finished.version, status: 'done' })
        .expect(200);
      await addActivity(search.id, {
        title: 'Reindex rehearsal',
        assignee: 'user:default/carla.mendes',
        dueAt: soon(2),
      });
      await addActivity(dropped.id, {
        title: 'Of a cancelled release',
        assignee: 'user:default/carla.mendes',
        dueAt: soon(1),
      });
      const reasons = (await api.get('/api/release/justifications')).body.items;
      const { body: current } = await api
        .get(`/api/release/releases/${dropped.id}`)
        .expect(200);
      await api
        .post(`/api/release/releases/${dropped.id}/transitions`)
        .send({
          action: 'cancel',
          expectedVersion: current.version,
          justificationId: reasons.find((r: any) =>
            r.appliesTo.includes('cancel'),
          ).id,
        })
        .expect(200);

      const sent: NotificationSendOptions[] = [];
      const send = async (options: NotificationSendOptions) => {
        sent.push(options);
      };
      const digest = new OverdueDigest(
        { send },
        new ActivityRepository(knex),
        mockServices.logger.mock(),
      );
      const now = new Date(Date.now() + 3 * DAY);
      const day = now.toISOString().slice(0, 10);

      await expect(digest.send(now)).resolves.toBe(4);

      const byRecipient = Object.fromEntries(
        sent.map(n => [
          (n.recipients as { entityRef: string }).entityRef,
          n.payload,
        ]),
      );
      expect(Object.keys(byRecipient).sort()).toEqual([
        'group:default/platform-team',
        'user:default/ana.souza',
        'user:default/bruno.lima',
        'user:default/carla.mendes',
      ]);
      expect(byRecipient['user:default/carla.mendes']).toEqual({
        title: '2 overdue release activities',
        description:
          `${failover.number} "Backup restore drill" (due 2 days ago); ` +
          `${search.number} "Reindex rehearsal" (due 1 day ago).`,
        link: '/release',
        // The most urgent of its releases: the emergency one.
        severity: 'critical',
        topic: 'release-overdue-digest',
        scope: `release-overdue-digest:${day}`,
      });
      expect(byRecipient['user:default/ana.souza']).toMatchObject({
        title: '2 overdue release activities',
        description:
          `${failover.number} "Backup restore drill" (due 2 days ago); ` +
          `${failover.number} "Capacity review" (due 1 day ago).`,
        link: `/release/releases/${failover.id}`,
      });
      expect(byRecipient['group:default/platform-team']).toMatchObject({
        title: '1 overdue release activity',
        link: `/release/releases/${failover.id}`,
      });
      expect(byRecipient['user:default/bruno.lima']).toMatchObject({
        title: '1 overdue release activity',
        severity: 'low',
      });

      // Nothing overdue today: nobody hears anything.
      sent.length = 0;
      await expect(digest.send(new Date())).resolves.toBe(0);
      expect(sent).toEqual([]);
    });

    it('names the due dates the Brazilian way when the portal speaks Portuguese', async () => {
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex);
      const { body: release } = await api
        .post('/api/release/releases')
        .send({
          title: 'Pedidos 3.0',
          type: 'minor',
          manager: 'user:default/ana.souza',
        })
        .expect(201);
      const titles = ['Ensaio de restauração', 'Revisão de capacidade'];
      const created = [];
      for (const [i, title] of titles.entries()) {
        const { body: activity } = await api
          .post(`/api/release/releases/${release.id}/activities`)
          .send({
            phase: 'planning',
            title,
            assignee: 'user:default/carla.mendes',
            dueAt: `2026-12-0${2 + i}T09:00:00.000Z`,
          })
          .expect(201);
        created.push(activity);
      }
      const sent: NotificationSendOptions[] = [];
      const digest = new OverdueDigest(
        { send: async options => void sent.push(options) },
        new ActivityRepository(knex),
        mockServices.logger.mock(),
        textsIn('pt-BR'),
      );

      await digest.send(new Date('2026-12-05T09:00:00.000Z'));

      const byRecipient = Object.fromEntries(
        sent.map(n => [
          (n.recipients as { entityRef: string }).entityRef,
          n.payload,
        ]),
      );
      expect(byRecipient['user:default/carla.mendes']).toMatchObject({
        title: '2 atividades de liberação atrasadas',
        description:
          `${release.number} "Ensaio de restauração" (prazo 02/12/2026, há 3 dias); ` +
          `${release.number} "Revisão de capacidade" (prazo 03/12/2026, há 2 dias).`,
      });

      // Once one is done, the title speaks of a single activity.
      sent.length = 0;
      const first = created[0];
      await api
        .patch(`/api/release/releases/${release.id}/activities/${first.id}`)
        .send({ expectedVersion: first.version, status: 'done' })
        .expect(200);
      await digest.send(new Date('2026-12-05T09:00:00.000Z'));
      expect(sent[0].payload).toMatchObject({
        title: '1 atividade de liberação atrasada',
        description: `${release.number} "Revisão de capacidade" (prazo 03/12/2026, há 2 dias).`,
      });
    });

    it('runs on its schedule in the backend', async () => {
      const sent: NotificationSendOptions[] = [];
      const api = await startReleaseBackend(await databases.init(databaseId), {
        realScheduler: true,
        features: [recordingNotifications(sent)],
        config: {
          release: {
            overdueDigest: {
              frequency: { seconds: 1 },
              timeout: { seconds: 30 },
            },
          },
        },
      });
      const { body: release } = await api
        .post('/api/release/releases')
        .send({ title: 'Late one', type: 'minor' })
        .expect(201);
      await api
        .post(`/api/release/releases/${release.id}/activities`)
        .send({
          phase: 'planning',
          title: 'Was due an hour ago',
          assignee: 'user:default/carla.mendes',
          dueAt: new Date(Date.now() - 3600 * 1000).toISOString(),
        })
        .expect(201);

      const digests = () =>
        sent.filter(n => n.payload.topic === 'release-overdue-digest');
      for (let i = 0; i < 40 && digests().length === 0; i++) {
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      expect(digests()[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: 'user:default/carla.mendes' },
        payload: { title: '1 overdue release activity' },
      });
    });
  },
);
