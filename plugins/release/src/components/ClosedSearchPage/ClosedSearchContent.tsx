import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  ClosedReleaseSearchResult,
  Release,
  RELEASE_OUTCOMES,
  RELEASE_TYPES,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { usePortfolios } from '../../hooks/usePortfolios';
import { releaseApiRef, ReleaseQueryParams } from '../../api';
import { useJustifications } from '../../hooks/useJustifications';
import { EntityPicker } from '../EntityPicker';
import { CI_KINDS_FOR_PICKER } from '../RegisterReleaseDialog/ciKinds';
import { formatDateTime } from '../labels';
import { sameLabels, SelectField, SelectOptions } from '../forms';
import { DataTable, refColumn, useReleaseColumns } from '../tables';

type Criteria = Record<string, string>;

const dateFields: Array<[string, string]> = [
  ['openedFrom', 'Opened from'],
  ['openedTo', 'Opened to'],
  ['closedFrom', 'Closed from'],
  ['closedTo', 'Closed to'],
];

function toQuery(
  criteria: Criteria,
  includeCancelled: boolean,
): ReleaseQueryParams {
  const query: ReleaseQueryParams = {
    includeCancelled: includeCancelled || undefined,
  };
  for (const [key, value] of Object.entries(criteria)) {
    if (!value) continue;
    query[key] = dateFields.some(([field]) => field === key)
      ? new Date(value).toISOString()
      : value;
  }
  return query;
}

/**
 * Advanced search of closed releases
 * (docs/process.md#advanced-search-of-closed-releases), with CSV export;
 * without a page header, which the page around it draws.
 */
export const ClosedSearchContent = () => {
  const releaseApi = useApi(releaseApiRef);
  const column = useReleaseColumns();
  const justifications = useJustifications();
  const portfolios = usePortfolios();
  const [draft, setDraft] = useState<Criteria>({});
  const [includeCancelled, setIncludeCancelled] = useState(false);
  const [applied, setApplied] = useState<ReleaseQueryParams>({});
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const results = useAsync(
    () =>
      releaseApi.searchClosed({
        ...applied,
        limit: pageSize,
        offset: page * pageSize,
      }),
    [releaseApi, applied, page, pageSize],
  );
  const set = (key: string, value: string | null) =>
    setDraft({ ...draft, [key]: value ?? '' });

  const download = async () => {
    const blob = await releaseApi.exportClosedCsv(applied);
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'closed-releases.csv';
    anchor.click();
    URL.revokeObjectURL(url);
  };

  const columns: TableColumn<Release>[] = [
    column.number(),
    { title: 'Title', field: 'title' },
    column.status(),
    {
      title: 'Outcome',
      field: 'outcome',
      render: release => release.outcome ?? '—',
    },
    { title: 'Type', field: 'type' },
    { title: 'Priority', field: 'priority' },
    refColumn('Manager', 'manager'),
    refColumn('Executor group', 'executorGroup'),
    {
      title: 'Opened',
      field: 'createdAt',
      render: release => formatDateTime(release.createdAt),
    },
    {
      title: 'Closed',
      field: 'closedAt',
      render: release => formatDateTime(release.closedAt),
    },
  ];

  const select = (key: string, label: string, options: SelectOptions) => (
    <SelectField
      id={`release-${String(label)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')}`}
      fullWidth
      size="small"
      variant="outlined"
      label={label}
      value={draft[key] ?? ''}
      onChange={value => set(key, value)}
      empty="Any"
      options={options}
    />
  );

  return (
    <>
      <ContentHeader title="Search">
        <Button
          variant="outlined"
          onClick={download}
          disabled={!results.value?.totalCount}
        >
          Download CSV
        </Button>
      </ContentHeader>
      <form
        onSubmit={event => {
          event.preventDefault();
          setPage(0);
          setApplied(toQuery(draft, includeCancelled));
        }}
      >
        <Grid container spacing={2} alignItems="center">
          <Grid item xs={12} md={4}>
            <TextField
              id="release-number-title-or-description"
              fullWidth
              size="small"
              variant="outlined"
              label="Number, title or description"
              value={draft.q ?? ''}
              onChange={e => set('q', e.target.value)}
            />
          </Grid>
          <Grid item xs={6} md={2}>
            {select('outcome', 'Outcome', sameLabels(RELEASE_OUTCOMES))}
          </Grid>
          <Grid item xs={6} md={2}>
            {select('type', 'Type', sameLabels(RELEASE_TYPES))}
          </Grid>
          <Grid item xs={6} md={2}>
            {select(
              'priority',
              'Priority',
              sameLabels(['1', '2', '3', '4', '5']),
            )}
          </Grid>
          <Grid item xs={6} md={2}>
            {select(
              'portfolioId',
              'Portfolio',
              (portfolios.value ?? []).map(p => [p.id, p.name]),
            )}
          </Grid>
          {dateFields.map(([key, label]) => (
            <Grid item xs={6} md={3} key={key}>
              <TextField
                id={`release-${String(label)
                  .toLowerCase()
                  .replace(/[^a-z0-9]+/g, '-')}`}
                fullWidth
                size="small"
                variant="outlined"
                type="date"
                label={label}
                InputLabelProps={{ shrink: true }}
                value={draft[key] ?? ''}
                onChange={e => set(key, e.target.value)}
              />
            </Grid>
          ))}
          <Grid item xs={12} md={4}>
            <EntityPicker
              label="Requester"
              kinds={['User']}
              value={draft.requester || null}
              onChange={v => set('requester', v)}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <EntityPicker
              label="Manager"
              kinds={['User']}
              value={draft.manager || null}
              onChange={v => set('manager', v)}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <EntityPicker
              label="Executor group"
              kinds={['Group']}
              value={draft.executorGroup || null}
              onChange={v => set('executorGroup', v)}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <EntityPicker
              label="Configuration item"
              kinds={CI_KINDS_FOR_PICKER}
              value={draft.entityRef || null}
              onChange={v => set('entityRef', v)}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            {select(
              'justificationId',
              'Justification used',
              (justifications.value ?? []).map(j => [j.id, j.name]),
            )}
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="release-related-key-e-g-chg-1042"
              fullWidth
              size="small"
              variant="outlined"
              label="Related key (e.g. CHG-1042)"
              value={draft.externalKey ?? ''}
              onChange={e => set('externalKey', e.target.value)}
            />
          </Grid>
          <Grid item xs={6} md={2}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={includeCancelled}
                  onChange={e => setIncludeCancelled(e.target.checked)}
                />
              }
              label="Include cancelled"
            />
          </Grid>
          <Grid item xs={12}>
            <Button type="submit" variant="contained" color="primary">
              Search
            </Button>
          </Grid>
        </Grid>
      </form>
      <Grid container>
        <Grid item xs={12} style={{ marginTop: 24 }}>
          {results.error && <ResponseErrorPanel error={results.error} />}
          {results.loading && !results.value && <Progress />}
          {results.value?.totalCount === 0 && (
            <EmptyState
              missing="data"
              title="No closed releases match"
              description="Widen the search."
            />
          )}
          {!!results.value?.totalCount && (
            <InfoCard
              title={`Results (${countLabel(results.value)})`}
              noPadding
            >
              <DataTable
                label="Closed releases"
                columns={columns}
                data={results.value.items}
                serverPaging={{
                  page,
                  pageSize,
                  totalCount: results.value.totalCount,
                  onPageChange: setPage,
                  onPageSizeChange: size => {
                    setPageSize(size);
                    setPage(0);
                  },
                  labelDisplayedRows: ({ from, to }) =>
                    `${from}–${to} of ${countLabel(results.value!)}`,
                }}
              />
            </InfoCard>
          )}
        </Grid>
      </Grid>
    </>
  );
};

/** The number of matches; a broad search is counted only so far. */
function countLabel(result: ClosedReleaseSearchResult): string {
  const count = result.totalCount.toLocaleString('en-US');
  return result.totalCountCapped ? `more than ${count}` : count;
}
