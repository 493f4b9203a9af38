import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  ImpactedEntity,
  ReleaseDetails,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseApiRef } from '../../api';
import { ImpactPathText } from '../ImpactViews';
import { ReleaseT, useReleaseLabels } from '../labels';
import { DataTable } from '../tables';

const impactColumns = (t: ReleaseT): TableColumn<ImpactedEntity>[] => [
  {
    title: t('impact.entity'),
    field: 'entityRef',
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  { title: t('impact.kind'), field: 'kind' },
  {
    title: t('impact.owner'),
    field: 'owner',
    render: row => (row.owner ? <EntityRefLink entityRef={row.owner} /> : '—'),
  },
  { title: t('impact.distance'), field: 'distance', type: 'numeric' },
  {
    title: t('impact.path'),
    field: 'path',
    sorting: false,
    render: row => <ImpactPathText path={row.path} />,
  },
];

/**
 * What the release reaches in the catalog (docs/impact.md), as the reader sees
 * it.
 */
export const ImpactPanel = (props: { release: ReleaseDetails }) => {
  const { release } = props;
  const releaseApi = useApi(releaseApiRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const [depth, setDepth] = useState<number>();
  const impact = useAsync(
    () => releaseApi.getImpact(release.id, depth),
    [releaseApi, release.id, depth, release.version],
  );

  return (
    <Box>
      <TextField
        id="impact-depth"
        select
        label={t('impact.depth')}
        value={depth ?? impact.value?.depth ?? ''}
        onChange={event => setDepth(Number(event.target.value))}
        style={{ minWidth: 120, marginBottom: 16 }}
      >
        {[1, 2, 3, 4, 5].map(level => (
          <MenuItem key={level} value={level}>
            {t('common.hops', { count: level })}
          </MenuItem>
        ))}
      </TextField>
      {impact.loading && <Progress />}
      {impact.error && <ResponseErrorPanel error={impact.error} />}
      {impact.value && impact.value.missing.length > 0 && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          {t('impact.missing', { refs: impact.value.missing.join(', ') })}
        </Alert>
      )}
      {impact.value?.truncated && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          {t('impact.truncated')}
        </Alert>
      )}
      {impact.value && impact.value.entities.length === 0 && (
        <EmptyState
          missing="data"
          title={t('impact.emptyTitle')}
          description={t('impact.emptyDescription')}
        />
      )}
      {impact.value && impact.value.entities.length > 0 && (
        <DataTable
          label={t('impact.tableLabel')}
          title={t('impact.tableTitle', {
            total: labels.number(impact.value.entities.length),
          })}
          columns={impactColumns(t)}
          data={impact.value.entities}
          search
        />
      )}
    </Box>
  );
};
