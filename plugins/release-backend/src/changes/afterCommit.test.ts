import { EventParams } from '@backstage/plugin-events-node';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { SignalPayload } from '@backstage/plugin-signals-node';
import {
  RELEASE_ACTIVITY_ASSIGNED_TOPIC,
  releaseNotificationTopic,
} from '@internal/plugin-release-common';
import { recordingNotifications } from '../__testUtils__/recordingNotifications';
import {
  RecordedAudit,
  recordingAuditor,
  recordingEventListener,
  recordingSignals,
} from '../__testUtils__/recordingServices';
import {
  ReleaseApi,
  startReleaseBackend,
  resumingEverySecond,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { owedNotificationsSent } from '../__testUtils__/notificationOutbox';

jest.setTimeout(180_000);

const databases = createTestDatabases();

/** What one change produced, as the four receivers saw it. */
type Produced = {
  audit: string[];
  event: string[];
  signals: number;
  notifications: string[];
};

/** State the steps share: the release and what they created on it. */
type Ctx = {
  api: ReleaseApi;
  id: string;
  version: number;
  activityId: string;
  relationId: string;
  mediaId: string;
  portfolioId: string;
  freezeId: string;
};

const manager = 'user:default/ana.souza';

async function transition(ctx: Ctx, body: object, status = 200) {
  const { body: moved } = await ctx.api
    .post(`/api/release/releases/${ctx.id}/transitions`)
    .send({ expectedVersion: ctx.version, ...body })
    .expect(status);
  if (status === 200) ctx.version = moved.version;
}

/**
 * Every kind of change, in an order that a release can take, with what its
 * after-commit step must produce: an audit record always; an event, a
 * signal and notifications exactly once or deliberately not (the reason
 * stands beside the row; docs/workflow.md#after-a-change-is-committed).
 */
const steps: Array<{
  change: string;
  run: (ctx: Ctx) => Promise<void>;
  produces: Produced;
}> = [
  {
    change: 'register, with a CI',
    run: async ctx => {
      const { body } = await ctx.api
        .post('/api/release/releases')
        .send({
          title: 'Orders 3.0',
          type: 'major',
          manager,
          cis: [
            { entityRef: 'component:default/orders-service', role: 'updated' },
          ],
        })
        .expect(201);
      ctx.id = body.id;
      ctx.version = body.version;
    },
    produces: {
      audit: ['release-register:succeeded'],
      event: ['release.registered'],
      signals: 1,
      notifications: [releaseNotificationTopic('register')],
    },
  },
  {
    // Edits are frequent and shown live and in the history: no notification.
    change: 'edit',
    run: async ctx => {
      const { body } = await ctx.api
        .patch(`/api/release/releases/${ctx.id}`)
        .send({ expectedVersion: ctx.version, title: 'Orders 3.0.1' })
        .expect(200);
      ctx.version = body.version;
    },
    produces: {
      audit: ['release-edit:succeeded'],
      event: ['release.edited'],
      signals: 1,
      notifications: [],
    },
  },
  {
    change: 'transition (plan)',
    run: ctx => transition(ctx, { action: 'plan' }),
    produces: {
      audit: ['release-transition:succeeded'],
      event: ['release.transitioned'],
      signals: 1,
      notifications: [releaseNotificationTopic('plan')],
    },
  },
  {
    change: 'add an activity with an assignee',
    run: async ctx => {
      const { body } = await ctx.api
        .post(`/api/release/releases/${ctx.id}/activities`)
        .send({ phase: 'planning', title: 'Scope', assignee: manager })
        .expect(201);
      ctx.activityId = body.id;
    },
    produces: {
      audit: ['release-activity-add:succeeded'],
      event: ['release.activity-changed'],
      signals: 1,
      notifications: [RELEASE_ACTIVITY_ASSIGNED_TOPIC],
    },
  },
  {
    // Only a new assignee is told; other activity edits are on the page.
    change: 'update an activity without changing its assignee',
    run: async ctx => {
      await ctx.api
        .patch(`/api/release/releases/${ctx.id}/activities/${ctx.activityId}`)
        .send({ expectedVersion: 1, title: 'Scope and risks' })
        .expect(200);
    },
    produces: {
      audit: ['release-activity-update:succeeded'],
      event: ['release.activity-changed'],
      signals: 1,
      notifications: [],
    },
  },
  {
    change: 'remove an activity',
    run: async ctx => {
      await ctx.api
        .delete(`/api/release/releases/${ctx.id}/activities/${ctx.activityId}`)
        .expect(204);
    },
    produces: {
      audit: ['release-activity-remove:succeeded'],
      event: ['release.activity-changed'],
      signals: 1,
      notifications: [],
    },
  },
  {
    // Relating records is planning work seen on the release page; owners of
    // a new CI hear of the release at its next workflow step.
    change: 'relate a CI',
    run: async ctx => {
      const { body } = await ctx.api
        .post(`/api/release/releases/${ctx.id}/relations`)
        .send({
          kind: 'ci',
          entityRef: 'component:default/billing-service',
          role: 'affected',
        })
        .expect(201);
      ctx.relationId = body.id;
    },
    produces: {
      audit: ['release-relation-add:succeeded'],
      event: ['release.relations-changed'],
      signals: 1,
      notifications: [],
    },
  },
  {
    change: 'remove a relation',
    run: async ctx => {
      await ctx.api
        .delete(`/api/release/releases/${ctx.id}/relations/${ctx.relationId}`)
        .expect(204);
    },
    produces: {
      audit: ['release-relation-remove:succeeded'],
      event: ['release.relations-changed'],
      signals: 1,
      notifications: [],
    },
  },
  {
    change: 'add definitive media',
    run: async ctx => {
      const { body } = await ctx.api
        .post(`/api/release/releases/${ctx.id}/media`)
        .send({ name: 'orders-3.0.tar.gz', version: '3.0.1' })
        .expect(201);
      ctx.mediaId = body.id;
    },
    produces: {
      audit: ['release-media-add:succeeded'],
      event: ['release.relations-changed'],
      signals: 1,
      notifications: [],
    },
  },
  {
    change: 'remove definitive media',
    run: async ctx => {
      await ctx.api
        .delete(`/api/release/releases/${ctx.id}/media/${ctx.mediaId}`)
        .expect(204);
    },
    produces: {
      audit: ['release-media-remove:succeeded'],
      event: ['release.relations-changed'],
      signals: 1,
      notifications: [],
    },
  },
  {
    // Refused: audited as a failure, and nothing else happens.
    change: 'a transition from a stale version',
    run: async ctx => {
      await ctx.api
        .post(`/api/release/releases/${ctx.id}/transitions`)
        .send({ action: 'authorize', expectedVersion: ctx.version - 1 })
        .expect(409);
    },
    produces: {
      audit: ['release-transition:failed'],
      event: [],
      signals: 0,
      notifications: [],
    },
  },
  {
    change: 'suspend until a date',
    run: ctx =>
      transition(ctx, {
        action: 'suspend',
        justificationId: ctx.freezeId,
        resumeAt: new Date(Date.now() + 1500).toISOString(),
      }),
    produces: {
      audit: ['release-transition:succeeded'],
      event: ['release.transitioned'],
      signals: 1,
      notifications: [releaseNotificationTopic('suspend')],
    },
  },
  {
    // The scheduler's resume takes the same path as a person's.
    change: 'the automatic resume at that date',
    run: async ctx => {
      for (let attempt = 0; attempt < 60; attempt++) {
        const { body } = await ctx.api
          .get(`/api/release/releases/${ctx.id}`)
          .expect(200);
        if (body.status === 'planning') {
          ctx.version = body.version;
          return;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      throw new Error('The release was not resumed at its date');
    },
    produces: {
      audit: ['release-transition:succeeded'],
      event: ['release.transitioned'],
      signals: 1,
      notifications: [releaseNotificationTopic('resume')],
    },
  },
  {
    // Reference data: no release changed, no page follows it live, and
    // nobody subscribes to it; the audit record is its trace.
    change: 'create a portfolio',
    run: async ctx => {
      const { body } = await ctx.api
        .post('/api/release/portfolios')
        .send({ name: 'Payments' })
        .expect(201);
      ctx.portfolioId = body.id;
    },
    produces: {
      audit: ['release-portfolio-create:succeeded'],
      event: [],
      signals: 0,
      notifications: [],
    },
  },
  {
    change: 'update a portfolio',
    run: async ctx => {
      await ctx.api
        .patch(`/api/release/portfolios/${ctx.portfolioId}`)
        .send({ description: 'Card and wallet payments' })
        .expect(200);
    },
    produces: {
      audit: ['release-portfolio-update:succeeded'],
      event: [],
      signals: 0,
      notifications: [],
    },
  },
  {
    change: 'create a release model',
    run: async ctx => {
      await ctx.api
        .post(`/api/release/portfolios/${ctx.portfolioId}/models`)
        .send({ name: 'Payments minor' })
        .expect(201);
    },
    produces: {
      audit: ['release-model-create:succeeded'],
      event: [],
      signals: 0,
      notifications: [],
    },
  },
  {
    change: 'create a justification',
    run: async ctx => {
      await ctx.api
        .post('/api/release/justifications')
        .send({ name: 'Supplier outage', appliesTo: ['suspend'] })
        .expect(201);
    },
    produces: {
      audit: ['release-justification-create:succeeded'],
      event: [],
      signals: 0,
      notifications: [],
    },
  },
];

describe.each(databases.eachSupportedId())(
  'the after-commit step on %p',
  databaseId => {
    it('gives every kind of change its audit record, and its event, signal and notifications exactly once or deliberately not', async () => {
      const audits: RecordedAudit[] = [];
      const events: EventParams[] = [];
      const signals: SignalPayload[] = [];
      const notifications: NotificationSendOptions[] = [];
      const knex = await databases.init(databaseId);
      const api = await startReleaseBackend(knex, {
        ...resumingEverySecond,
        features: [
          recordingAuditor(audits),
          recordingEventListener(events),
          recordingSignals(signals),
          recordingNotifications(notifications),
        ],
      });
      const reasons = (await api.get('/api/release/justifications')).body.items;
      const ctx = {
        api,
        freezeId: reasons.find((r: any) => r.name === 'Change freeze').id,
      } as Ctx;

      const seen = { audits: 0, events: 0, signals: 0, notifications: 0 };
      for (const step of steps) {
        await step.run(ctx);
        await owedNotificationsSent(knex);
        const produced: Produced = {
          audit: audits
            .slice(seen.audits)
            .map(a => `${a.eventId}:${a.outcome}`),
          event: events
            .slice(seen.events)
            .map(e => (e.eventPayload as { type: string }).type),
          signals: signals.slice(seen.signals).length,
          // The daily digest runs on its own schedule; it is not a change.
          notifications: notifications
            .slice(seen.notifications)
            .map(n => n.payload.topic!)
            .filter(topic => topic !== 'release-overdue-digest'),
        };
        seen.audits = audits.length;
        seen.events = events.length;
        seen.signals = signals.length;
        seen.notifications = notifications.length;
        expect({ change: step.change, ...produced }).toEqual({
          change: step.change,
          ...step.produces,
        });
      }
    });
  },
);
