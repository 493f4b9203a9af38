import { useApi } from '@backstage/core-plugin-api';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { useRef } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../../api';
import { useReleaseChanges } from '../../hooks/useReleaseChanges';

/**
 * The release a page shows, fetched again when someone else changes it. A
 * refresh that fails keeps what was shown last, and any dialog open on it.
 */
export function useShownRelease(id: string): {
  release?: ReleaseDetails;
  error?: Error;
  retry: () => void;
} {
  const releaseApi = useApi(releaseApiRef);
  const fetched = useAsyncRetry(
    () => releaseApi.getRelease(id),
    [releaseApi, id],
  );
  const shown = useRef<ReleaseDetails>();
  if (fetched.value) shown.current = fetched.value;
  const release =
    fetched.value ?? (shown.current?.id === id ? shown.current : undefined);
  useReleaseChanges(fetched.retry, change => change.releaseId === release?.id);
  return { release, error: fetched.error, retry: fetched.retry };
}
