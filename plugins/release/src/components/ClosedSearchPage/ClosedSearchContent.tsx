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
import { ReleaseLabels, useReleaseLabels } from '../labels';
import { SelectField, SelectOptions } from '../forms';
import { DataTable, refColumn, useReleaseColumns } from '../tables';

type Criteria = Record<string, string>;

const dateFields = [
  ['openedFrom', 'release-opened-from'],
  ['openedTo', 'release-opened-to'],
  ['closedFrom', 'release-closed-from'],
  ['closedTo', 'release-closed-to'],
] as const;

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
  const labels = useReleaseLabels();
  const { t } = labels;
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
    // The header row in the user's language; the values stay ISO and codes.
    const blob = await releaseApi.exportClosedCsv({
      ...applied,
      language: labels.locale.startsWith('pt') ? 'pt-BR' : 'en',
    });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = 'closed-releases.csv';
    anchor.click();
    URL.revokeObjectURL(url);
  };

  const columns: TableColumn<Release>[] = [
    column.number(),
    { title: t('field.title'), field: 'title' },
    column.status(),
    {
      title: t('field.outcome'),
      field: 'outcome',
      render: release =>
        release.outcome ? labels.outcome(release.outcome) : '—',
    },
    {
      title: t('field.type'),
      field: 'type',
      render: release => labels.type(release.type),
    },
    {
      title: t('field.priority'),
      field: 'priority',
      render: release => labels.priority(release.priority),
    },
    refColumn(t('field.manager'), 'manager'),
    refColumn(t('field.executorGroup'), 'executorGroup'),
    {
      title: t('closedSearch.opened'),
      field: 'createdAt',
      render: release => labels.dateTime(release.createdAt),
    },
    {
      title: t('closedSearch.closed'),
      field: 'closedAt',
      render: release => labels.dateTime(release.closedAt),
    },
  ];

  const select = (
    key: string,
    id: string,
    label: string,
    options: SelectOptions,
  ) => (
    <SelectField
      id={id}
      fullWidth
      size="small"
      variant="outlined"
      label={label}
      value={draft[key] ?? ''}
      onChange={value => set(key, value)}
      empty={t('common.any')}
      options={options}
    />
  );

  return (
    <>
      <ContentHeader title={t('closedSearch.title')}>
        <Button
          variant="outlined"
          onClick={download}
          disabled={!results.value?.totalCount}
        >
          {t('closedSearch.download')}
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
              label={t('closedSearch.text')}
              value={draft.q ?? ''}
              onChange={e => set('q', e.target.value)}
            />
          </Grid>
          <Grid item xs={6} md={2}>
            {select(
              'outcome',
              'release-outcome',
              t('field.outcome'),
              RELEASE_OUTCOMES.map(value => [value, labels.outcome(value)]),
            )}
          </Grid>
          <Grid item xs={6} md={2}>
            {select(
              'type',
              'release-type',
              t('field.type'),
              RELEASE_TYPES.map(value => [value, labels.type(value)]),
            )}
          </Grid>
          <Grid item xs={6} md={2}>
            {select(
              'priority',
              'release-priority',
              t('field.priority'),
              [1, 2, 3, 4, 5].map(p => [String(p), labels.priority(p)]),
            )}
          </Grid>
          <Grid item xs={6} md={2}>
            {select(
              'portfolioId',
              'release-portfolio',
              t('field.portfolio'),
              (portfolios.value ?? []).map(p => [p.id, p.name]),
            )}
          </Grid>
          {dateFields.map(([key, id]) => (
            <Grid item xs={6} md={3} key={key}>
              <TextField
                id={id}
                fullWidth
                size="small"
                variant="outlined"
                type="date"
                label={t(`closedSearch.${key}`)}
                InputLabelProps={{ shrink: true }}
                value={draft[key] ?? ''}
                onChange={e => set(key, e.target.value)}
              />
            </Grid>
          ))}
          <Grid item xs={12} md={4}>
            <EntityPicker
              label={t('field.requester')}
              kinds={['User']}
              value={draft.requester || null}
              onChange={v => set('requester', v)}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <EntityPicker
              label={t('field.manager')}
              kinds={['User']}
              value={draft.manager || null}
              onChange={v => set('manager', v)}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <EntityPicker
              label={t('field.executorGroup')}
              kinds={['Group']}
              value={draft.executorGroup || null}
              onChange={v => set('executorGroup', v)}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <EntityPicker
              label={t('relations.ci')}
              kinds={CI_KINDS_FOR_PICKER}
              value={draft.entityRef || null}
              onChange={v => set('entityRef', v)}
            />
          </Grid>
          <Grid item xs={6} md={3}>
            {select(
              'justificationId',
              'release-justification-used',
              t('closedSearch.justificationUsed'),
              (justifications.value ?? []).map(j => [j.id, j.name]),
            )}
          </Grid>
          <Grid item xs={6} md={3}>
            <TextField
              id="release-related-key-e-g-chg-1042"
              fullWidth
              size="small"
              variant="outlined"
              label={t('closedSearch.relatedKey')}
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
              label={t('closedSearch.includeCancelled')}
            />
          </Grid>
          <Grid item xs={12}>
            <Button type="submit" variant="contained" color="primary">
              {t('closedSearch.submit')}
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
              title={t('closedSearch.emptyTitle')}
              description={t('closedSearch.emptyDescription')}
            />
          )}
          {!!results.value?.totalCount && (
            <InfoCard
              title={t('closedSearch.results', {
                total: countLabel(results.value, labels),
              })}
              noPadding
            >
              <DataTable
                label={t('closedSearch.tableLabel')}
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
                    t('closedSearch.rows', {
                      from: labels.number(from),
                      to: labels.number(to),
                      total: countLabel(results.value!, labels),
                    }),
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
function countLabel(
  result: ClosedReleaseSearchResult,
  labels: ReleaseLabels,
): string {
  const count = labels.number(result.totalCount);
  return result.totalCountCapped
    ? labels.t('closedSearch.moreThan', { total: count })
    : count;
}
