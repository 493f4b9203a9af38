import { TableColumn } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  overdueBy,
  ReleaseAction,
  ReleaseListItem,
} from '@internal/plugin-release-common';
import { shortRef, useReleaseLabels } from '../labels';
import { DataTable, refColumn, useReleaseColumns } from '../tables';
import { DesktopFilters } from '../../hooks/useDesktopFilters';

/** The columns the backend orders the desktop by. */
const SORTABLE = ['number', 'title', 'status', 'priority', 'plannedStart'];

/** The desktop's table: one row per release, paged and sorted by the server. */
export const ReleaseTable = (props: {
  items: ReleaseListItem[];
  totalCount: number;
  filters: DesktopFilters;
  onChange: (changes: Partial<DesktopFilters>) => void;
  onAction: (release: ReleaseListItem, action: ReleaseAction) => void;
  portfolioNames: Record<string, string>;
}) => {
  const { items, totalCount, filters, onChange, onAction, portfolioNames } =
    props;
  const column = useReleaseColumns();
  const labels = useReleaseLabels();
  const { t } = labels;
  const now = new Date();

  const columns: TableColumn<ReleaseListItem>[] = [
    column.number(),
    { title: t('field.title'), field: 'title' },
    column.status(),
    {
      title: t('field.priority'),
      field: 'priority',
      render: release => labels.priority(release.priority),
    },
    {
      title: t('field.window'),
      field: 'plannedStart',
      render: release => {
        const late = overdueBy(release, now);
        return (
          <>
            {labels.window(release.plannedStart, release.plannedEnd)}
            {late !== null && (
              <Typography variant="caption" color="error" display="block">
                {t('common.overdueBy', { lateness: labels.duration(late) })}
              </Typography>
            )}
          </>
        );
      },
    },
    {
      title: t('field.type'),
      field: 'type',
      cellStyle: { whiteSpace: 'nowrap' },
      render: release => labels.type(release.type),
    },
    {
      title: t('field.portfolio'),
      field: 'portfolioId',
      render: release =>
        release.portfolioId ? portfolioNames[release.portfolioId] ?? '' : '',
    },
    refColumn(t('field.requester'), 'requester'),
    refColumn(t('field.manager'), 'manager'),
    refColumn(t('field.executorGroup'), 'executorGroup'),
    {
      title: t('table.currentActivity'),
      field: 'currentActivity',
      render: ({ currentActivity, openActivityCount }) =>
        currentActivity ? (
          <>
            {currentActivity.title}
            <Typography variant="caption" display="block" color="textSecondary">
              {t('table.openActivities', {
                who:
                  shortRef(currentActivity.assignee ?? currentActivity.group) ||
                  t('table.unassigned'),
                open: labels.number(openActivityCount),
              })}
            </Typography>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('table.actions'),
      field: 'allowedActions',
      render: release =>
        release.allowedActions.map(action => (
          <Button
            key={action}
            size="small"
            color="primary"
            onClick={() => onAction(release, action)}
          >
            {labels.action(action)}
          </Button>
        )),
    },
  ];

  return (
    // The desktop has many columns: scroll sideways rather than squeeze them.
    <DataTable
      label={t('common.releases')}
      columns={columns}
      data={items}
      minWidth={1600}
      serverSort={{
        fields: SORTABLE,
        orderBy: filters.orderBy,
        order: filters.order,
        onChange: (orderBy, order) => onChange({ orderBy, order }),
      }}
      serverPaging={{
        page: filters.page,
        pageSize: filters.pageSize,
        totalCount,
        onPageChange: page => onChange({ page }),
        onPageSizeChange: pageSize => onChange({ pageSize, page: 0 }),
      }}
    />
  );
};
