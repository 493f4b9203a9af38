import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../api';

/** The release portfolios; `retry` loads them again after a change. */
export function usePortfolios() {
  const releaseApi = useApi(releaseApiRef);
  return useAsyncRetry(() => releaseApi.listPortfolios(), [releaseApi]);
}
