import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  FINISHED_STATUSES,
  OPEN_STATUSES,
  releaseCreatePermission,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../../api';
import {
  concernsEntity,
  useReleaseChanges,
} from '../../hooks/useReleaseChanges';
import { releaseRouteRef } from '../../routes';
import { useReleaseLabels } from '../labels';
import { RegisterReleaseDialog } from '../RegisterReleaseDialog';
import { EntityReleasesTable } from './EntityReleasesTable';
import { useEntityRef } from './useEntityRef';

/**
 * An entity page's "Releases" tab: open and recent releases that change the
 * entity or reach it through the catalog's relations.
 */
export const EntityReleasesContent = () => {
  const entityRef = useEntityRef();
  const labels = useReleaseLabels();
  const { t } = labels;
  const releaseApi = useApi(releaseApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const navigate = useNavigate();
  const [registering, setRegistering] = useState(false);
  const canCreate = usePermission({ permission: releaseCreatePermission });
  const releases = useAsyncRetry(async () => {
    const query = { entityRef, includeImpacted: true };
    const [open, finished] = await Promise.all([
      releaseApi.listReleases({
        ...query,
        status: [...OPEN_STATUSES],
        orderBy: 'plannedStart',
        order: 'asc',
        limit: 100,
      }),
      // Closing and cancelling both stamp closedAt: the latest finished first.
      releaseApi.listReleases({
        ...query,
        status: [...FINISHED_STATUSES],
        orderBy: 'closedAt',
        order: 'desc',
        limit: 10,
      }),
    ]);
    return { open, finished };
  }, [releaseApi, entityRef]);
  useReleaseChanges(releases.retry, concernsEntity(entityRef));

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box display="flex" justifyContent="flex-end">
          {canCreate.allowed && (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setRegistering(true)}
            >
              {t('entityTab.register')}
            </Button>
          )}
        </Box>
      </Grid>
      <Grid item xs={12}>
        {releases.loading && !releases.value && <Progress />}
        {releases.error && <ResponseErrorPanel error={releases.error} />}
        {releases.value && (
          <EntityReleasesTable
            title={t('entityTab.openTitle', {
              total: labels.number(releases.value.open.totalCount),
            })}
            items={releases.value.open.items}
            emptyText={t('entityTab.openEmpty')}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        {releases.value && (
          <EntityReleasesTable
            title={t('entityTab.finishedTitle')}
            items={releases.value.finished.items}
            emptyText={t('entityTab.finishedEmpty')}
          />
        )}
      </Grid>
      {registering && (
        <RegisterReleaseDialog
          initialCis={[entityRef]}
          onClose={() => setRegistering(false)}
          onRegistered={release => {
            setRegistering(false);
            navigate(releaseLink({ id: release.id }));
          }}
        />
      )}
    </Grid>
  );
};
