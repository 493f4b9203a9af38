import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../../api';
import {
  concernsEntity,
  useReleaseChanges,
} from '../../hooks/useReleaseChanges';
import { releaseRouteRef } from '../../routes';
import { formatWindow, shortRef, StatusChip } from '../labels';
import { ReleaseTouchText } from '../ImpactViews';
import { useEntityRef } from './useEntityRef';

/**
 * For an entity's overview: releases in flight, the next planned window,
 * and a warning when one of them conflicts or meets a blackout window.
 */
export const EntityReleasesCard = () => {
  const entityRef = useEntityRef();
  const releaseApi = useApi(releaseApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const overview = useAsyncRetry(
    () => releaseApi.getEntityOverview(entityRef),
    [releaseApi, entityRef],
  );
  useReleaseChanges(overview.retry, concernsEntity(entityRef));

  return (
    <InfoCard
      title="Releases"
      deepLink={{ title: 'All releases of this entity', link: 'releases' }}
    >
      {overview.loading && !overview.value && <Progress />}
      {overview.error && <ResponseErrorPanel error={overview.error} />}
      {overview.value && (
        <Box>
          <Typography variant="h4" component="p">
            {overview.value.inFlight}
          </Typography>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {overview.value.inFlight === 1
              ? 'release in flight'
              : 'releases in flight'}{' '}
            touching this entity, directly or through its dependencies
          </Typography>
          {overview.value.next ? (
            <Box mt={2}>
              <Typography variant="subtitle2">Next window</Typography>
              <Typography variant="body2">
                <Link to={releaseLink({ id: overview.value.next.id })}>
                  {overview.value.next.number}
                </Link>{' '}
                {overview.value.next.title}
              </Typography>
              <Typography variant="body2" component="div">
                {formatWindow(
                  overview.value.next.plannedStart,
                  overview.value.next.plannedEnd,
                )}{' '}
                <StatusChip status={overview.value.next.status} />
              </Typography>
              <ReleaseTouchText touch={overview.value.next.touch} />
            </Box>
          ) : (
            <Typography variant="body2">No planned window ahead.</Typography>
          )}
          {overview.value.conflicts.map(({ release, conflict }) => (
            <Alert
              key={`c-${release.id}`}
              severity="warning"
              style={{ marginTop: 8 }}
            >
              {release.number} overlaps {conflict.release.number} on{' '}
              {conflict.sharedEntityRefs.map(shortRef).join(', ')}
            </Alert>
          ))}
          {overview.value.blackouts.map(({ release, blackout }) => (
            <Alert
              key={`b-${release.id}-${blackout.name}-${blackout.start}`}
              severity="warning"
              style={{ marginTop: 8 }}
            >
              {release.number} falls in blackout {blackout.name} (
              {formatWindow(blackout.start, blackout.end)})
            </Alert>
          ))}
        </Box>
      )}
    </InfoCard>
  );
};
