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
import { shortRef, StatusChip, useReleaseLabels } from '../labels';
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
  const labels = useReleaseLabels();
  const { t } = labels;
  const overview = useAsyncRetry(
    () => releaseApi.getEntityOverview(entityRef),
    [releaseApi, entityRef],
  );
  useReleaseChanges(overview.retry, concernsEntity(entityRef));

  return (
    <InfoCard
      title={t('entityCard.title')}
      deepLink={{ title: t('entityCard.allReleases'), link: 'releases' }}
    >
      {overview.loading && !overview.value && <Progress />}
      {overview.error && <ResponseErrorPanel error={overview.error} />}
      {overview.value && (
        <Box>
          <Typography variant="h4" component="p">
            {labels.number(overview.value.inFlight)}
          </Typography>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {t('entityCard.inFlight', { count: overview.value.inFlight })}
          </Typography>
          {overview.value.next ? (
            <Box mt={2}>
              <Typography variant="subtitle2">
                {t('entityCard.nextWindow')}
              </Typography>
              <Typography variant="body2">
                <Link to={releaseLink({ id: overview.value.next.id })}>
                  {overview.value.next.number}
                </Link>{' '}
                {overview.value.next.title}
              </Typography>
              <Typography variant="body2" component="div">
                {labels.window(
                  overview.value.next.plannedStart,
                  overview.value.next.plannedEnd,
                )}{' '}
                <StatusChip status={overview.value.next.status} />
              </Typography>
              <ReleaseTouchText touch={overview.value.next.touch} />
            </Box>
          ) : (
            <Typography variant="body2">
              {t('entityCard.noWindowAhead')}
            </Typography>
          )}
          {overview.value.conflicts.map(({ release, conflict }) => (
            <Alert
              key={`c-${release.id}`}
              severity="warning"
              style={{ marginTop: 8 }}
            >
              {t('entityCard.conflict', {
                release: release.number,
                other: conflict.release.number,
                entities: conflict.sharedEntityRefs.map(shortRef).join(', '),
              })}
            </Alert>
          ))}
          {overview.value.blackouts.map(({ release, blackout }) => (
            <Alert
              key={`b-${release.id}-${blackout.name}-${blackout.start}`}
              severity="warning"
              style={{ marginTop: 8 }}
            >
              {t('entityCard.blackout', {
                release: release.number,
                name: blackout.name,
                window: labels.window(blackout.start, blackout.end),
              })}
            </Alert>
          ))}
        </Box>
      )}
    </InfoCard>
  );
};
