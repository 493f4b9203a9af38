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
import { DataTable } from '../tables';

const columns: TableColumn<ImpactedEntity>[] = [
  {
    title: 'Entity',
    field: 'entityRef',
    render: row => <EntityRefLink entityRef={row.entityRef} />,
  },
  { title: 'Kind', field: 'kind' },
  {
    title: 'Owner',
    field: 'owner',
    render: row => (row.owner ? <EntityRefLink entityRef={row.owner} /> : '—'),
  },
  { title: 'Distance', field: 'distance', type: 'numeric' },
  {
    title: 'How it is reached',
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
        label="Depth"
        value={depth ?? impact.value?.depth ?? ''}
        onChange={event => setDepth(Number(event.target.value))}
        style={{ minWidth: 120, marginBottom: 16 }}
      >
        {[1, 2, 3, 4, 5].map(level => (
          <MenuItem key={level} value={level}>
            {level} {level === 1 ? 'hop' : 'hops'}
          </MenuItem>
        ))}
      </TextField>
      {impact.loading && <Progress />}
      {impact.error && <ResponseErrorPanel error={impact.error} />}
      {impact.value && impact.value.missing.length > 0 && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          Not in the catalog (removed, or hidden from you):{' '}
          {impact.value.missing.join(', ')}
        </Alert>
      )}
      {impact.value?.truncated && (
        <Alert severity="info" style={{ marginBottom: 16 }}>
          The walk stopped at its size limit; lower the depth to see all.
        </Alert>
      )}
      {impact.value && impact.value.entities.length === 0 && (
        <EmptyState
          missing="data"
          title="No impact yet"
          description="Relate configuration items on the Relations tab to see what this release reaches in the catalog."
        />
      )}
      {impact.value && impact.value.entities.length > 0 && (
        <DataTable
          label="Impacted entities"
          title={`Impacted entities (${impact.value.entities.length})`}
          columns={columns}
          data={impact.value.entities}
          search
        />
      )}
    </Box>
  );
};
