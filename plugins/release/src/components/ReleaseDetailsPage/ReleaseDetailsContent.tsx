import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRefParams } from '@backstage/core-plugin-api';
import { releaseRouteRef } from '../../routes';
import { ReleaseHeadline } from './ReleaseHeadline';
import { ReleaseRecord } from './ReleaseRecord';
import { useShownRelease } from './useShownRelease';

/**
 * One release under a page header that is not ours: its number · title,
 * status, priority and type lead the content instead.
 */
export const ReleaseDetailsContent = () => {
  const { id } = useRouteRefParams(releaseRouteRef);
  const { release, error, retry } = useShownRelease(id);

  if (error && !release) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!release) {
    return <Progress />;
  }
  return (
    <>
      <ReleaseHeadline release={release} />
      <ReleaseRecord release={release} refreshError={error} onReload={retry} />
    </>
  );
};
