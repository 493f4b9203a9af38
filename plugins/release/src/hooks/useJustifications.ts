import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { releaseApiRef } from '../api';

/** The justification catalogue. */
export function useJustifications() {
  const releaseApi = useApi(releaseApiRef);
  return useAsync(() => releaseApi.listJustifications(), [releaseApi]);
}
