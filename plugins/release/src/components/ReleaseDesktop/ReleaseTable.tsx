import { TableColumn } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  overdueBy,
  ReleaseAction,
  ReleaseListItem,
} from '@internal/plugin-release-common';
import {
  actionLabels,
  formatLateness,
  formatWindow,
  priorityLabels,
  shortRef,
} from '../labels';
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
  const now = new Date();

  const columns: TableColumn<ReleaseListItem>[] = [
    column.number(),
    { title: 'Title', field: 'title' },
    column.status(),
    {
      title: 'Priority',
      field: 'priority',
      render: release => priorityLabels[release.priority],
    },
    {
      title: 'Window',
      field: 'plannedStart',
      render: release => {
        const late = overdueBy(release, now);
        return (
          <>
            {formatWindow(release.plannedStart, release.plannedEnd)}
            {late !== null && (
              <Typography variant="caption" color="error" display="block">
                overdue by {formatLateness(late)}
              </Typography>
            )}
          </>
        );
      },
    },
    { title: 'Type', field: 'type', cellStyle: { whiteSpace: 'nowrap' } },
    {
      title: 'Portfolio',
      field: 'portfolioId',
      render: release =>
        release.portfolioId ? portfolioNames[release.portfolioId] ?? '' : '',
    },
    refColumn('Requester', 'requester'),
    refColumn('Manager', 'manager'),
    refColumn('Executor group', 'executorGroup'),
    {
      title: 'Current activity',
      field: 'currentActivity',
      render: ({ currentActivity, openActivityCount }) =>
        currentActivity ? (
          <>
            {currentActivity.title}
            <Typography variant="caption" display="block" color="textSecondary">
              {shortRef(currentActivity.assignee ?? currentActivity.group) ||
                'unassigned'}{' '}
              · {openActivityCount} open
            </Typography>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: 'Actions',
      field: 'allowedActions',
      render: release =>
        release.allowedActions.map(action => (
          <Button
            key={action}
            size="small"
            color="primary"
            onClick={() => onAction(release, action)}
          >
            {actionLabels[action]}
          </Button>
        )),
    },
  ];

  return (
    // The desktop has many columns: scroll sideways rather than squeeze them.
    <DataTable
      label="Releases"
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
