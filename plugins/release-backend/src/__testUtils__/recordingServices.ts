import {
  AuditorServiceCreateEventOptions,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { EventParams, eventsServiceRef } from '@backstage/plugin-events-node';
import {
  SignalPayload,
  signalsServiceRef,
} from '@backstage/plugin-signals-node';
import { RELEASE_EVENTS_TOPIC } from '@internal/plugin-release-common';

/** A signals service that keeps what the plugin publishes, or fails to. */
export function recordingSignals(published: SignalPayload[], fail = false) {
  return createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({
      async publish(payload: SignalPayload<any>) {
        if (fail) throw new Error('signals are down');
        published.push(payload);
      },
    }),
  });
}

/** Another plugin's module listening to the release topic. */
export function recordingEventListener(received: EventParams[]) {
  return createBackendModule({
    pluginId: 'release',
    moduleId: 'test-listener',
    register(env) {
      env.registerInit({
        deps: { events: eventsServiceRef },
        async init({ events }) {
          await events.subscribe({
            id: 'release-events-test',
            topics: [RELEASE_EVENTS_TOPIC],
            onEvent: async event => {
              received.push(event);
            },
          });
        },
      });
    },
  });
}

/** An audit record as the auditor received it, with how it ended. */
export type RecordedAudit = {
  eventId: string;
  meta?: Record<string, unknown>;
  outcome?: 'succeeded' | 'failed';
};

/** An auditor that keeps every event and its outcome. */
export function recordingAuditor(recorded: RecordedAudit[]) {
  return createServiceFactory({
    service: coreServices.auditor,
    deps: {},
    factory: () => ({
      async createEvent(options: AuditorServiceCreateEventOptions) {
        const audit: RecordedAudit = {
          eventId: options.eventId,
          meta: options.meta,
        };
        recorded.push(audit);
        return {
          async success() {
            audit.outcome = 'succeeded';
          },
          async fail() {
            audit.outcome = 'failed';
          },
        };
      },
    }),
  });
}
