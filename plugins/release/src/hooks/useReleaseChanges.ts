import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  RELEASE_SIGNAL_CHANNEL,
  ReleaseChangeSignal,
} from '@internal/plugin-release-common';
import { useEffect, useRef } from 'react';

/** How long release changes are gathered before one refetch. */
export const RELEASE_CHANGES_WAIT_MS = 300;

/**
 * Calls `onChange` after a release change that passes `filter`, once for a
 * burst of changes: the first starts a short wait, those that follow within
 * it are part of the same refetch. Does nothing in an app without the
 * signals plugin.
 *
 * It subscribes through the signal API the way `useSignal` does, without
 * going through `useSignal`: that keeps only the latest message as state,
 * so of two changes arriving between renders the first would go unseen.
 */
export function useReleaseChanges(
  onChange: () => void,
  filter: (change: ReleaseChangeSignal) => boolean = () => true,
): void {
  const signalApi = useApiHolder().get(signalApiRef);
  // The latest callbacks, so a render does not subscribe again.
  const latest = useRef({ onChange, filter });
  latest.current = { onChange, filter };

  useEffect(() => {
    if (!signalApi) return undefined;
    let waiting: ReturnType<typeof setTimeout> | undefined;
    const subscription = signalApi.subscribe<ReleaseChangeSignal>(
      RELEASE_SIGNAL_CHANNEL,
      change => {
        if (waiting || !latest.current.filter(change)) return;
        waiting = setTimeout(() => {
          waiting = undefined;
          latest.current.onChange();
        }, RELEASE_CHANGES_WAIT_MS);
      },
    );
    return () => {
      clearTimeout(waiting);
      subscription.unsubscribe();
    };
  }, [signalApi]);
}

/**
 * Whether a change may concern the entity: it lists the entity, or lists
 * none because the release touches too many.
 */
export function concernsEntity(entityRef: string) {
  const ref = entityRef.toLocaleLowerCase('en-US');
  return (change: ReleaseChangeSignal) =>
    !change.entityRefs ||
    change.entityRefs.some(
      touched => touched.toLocaleLowerCase('en-US') === ref,
    );
}
