import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import {
  RELEASE_SIGNAL_CHANNEL,
  ReleaseChangeSignal,
} from '@internal/plugin-release-common';
import { act } from '@testing-library/react';
import { ReactNode } from 'react';
import { RELEASE_CHANGES_WAIT_MS } from '../hooks/useReleaseChanges';

type Subscriber = { channel: string; onMessage: (message: any) => void };

/** The app's signal API, with the messages a test sends. */
export class FakeSignalApi {
  private readonly subscribers = new Set<Subscriber>();

  subscribe(channel: string, onMessage: (message: any) => void) {
    const subscriber = { channel, onMessage };
    this.subscribers.add(subscriber);
    return {
      unsubscribe: () => {
        this.subscribers.delete(subscriber);
      },
    };
  }

  /** Sends each change as its own message, as the backend does. */
  releaseChanged(...changes: ReleaseChangeSignal[]) {
    act(() => {
      for (const change of changes) {
        for (const subscriber of this.subscribers) {
          if (subscriber.channel === RELEASE_SIGNAL_CHANNEL) {
            subscriber.onMessage(change);
          }
        }
      }
    });
  }
}

/** Provides `signals` as the app's signal API; without it, the app has none. */
export function WithSignals(props: {
  signals?: FakeSignalApi;
  children: ReactNode;
}) {
  return props.signals ? (
    <TestApiProvider apis={[[signalApiRef, props.signals]]}>
      {props.children}
    </TestApiProvider>
  ) : (
    <>{props.children}</>
  );
}

/** Waits past the time a change is gathered, and its refetch. */
export function afterRefetchWait() {
  return act(
    () =>
      new Promise<void>(resolve =>
        setTimeout(resolve, RELEASE_CHANGES_WAIT_MS + 200),
      ),
  );
}
