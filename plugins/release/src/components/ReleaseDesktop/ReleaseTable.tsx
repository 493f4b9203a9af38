import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import {
  overdueBy,
  ReleaseAction,
  ReleaseListItem,
} from '@internal/plugin-release-common';
import { releaseRouteRef } from '../../routes';
import {
  actionLabels,
  formatLateness,
  formatWindow,
  priorityLabels,
  shortRef,
  StatusChip,
} from '../labels';
import { DesktopFilters } from '../../hooks/useDesktopFilters';

const sortable: Array<[string, string]> = [
  ['number', 'Number'],
  ['title', 'Title'],
  ['status', 'Status'],
  ['priority', 'Priority'],
  ['plannedStart', 'Window'],
];

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
  const releaseLink = useRouteRef(releaseRouteRef);
  const now = new Date();

  const header = (key: string, label: string) => (
    <TableCell
      key={key}
      sortDirection={filters.orderBy === key ? filters.order : false}
    >
      <TableSortLabel
        active={filters.orderBy === key}
        direction={filters.orderBy === key ? filters.order : 'asc'}
        onClick={() =>
          onChange({
            orderBy: key,
            order:
              filters.orderBy === key && filters.order === 'asc'
                ? 'desc'
                : 'asc',
          })
        }
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <>
      {/* The desktop has many columns (docs/process.md#the-desktop): scroll
          sideways rather than squeeze headers. */}
      <Box overflow="auto">
        <Table size="small" aria-label="Releases" style={{ minWidth: 1600 }}>
          <TableHead style={{ whiteSpace: 'nowrap' }}>
            <TableRow>
              {sortable.map(([key, label]) => header(key, label))}
              <TableCell>Type</TableCell>
              <TableCell>Portfolio</TableCell>
              <TableCell>Requester</TableCell>
              <TableCell>Manager</TableCell>
              <TableCell>Executor group</TableCell>
              <TableCell>Current activity</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(release => {
              const late = overdueBy(release, now);
              return (
                <TableRow key={release.id} hover>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    <Link to={releaseLink({ id: release.id })}>
                      {release.number}
                    </Link>
                  </TableCell>
                  <TableCell>{release.title}</TableCell>
                  <TableCell>
                    <StatusChip status={release.status} />
                  </TableCell>
                  <TableCell>{priorityLabels[release.priority]}</TableCell>
                  <TableCell>
                    {formatWindow(release.plannedStart, release.plannedEnd)}
                    {late !== null && (
                      <Typography
                        variant="caption"
                        color="error"
                        display="block"
                      >
                        overdue by {formatLateness(late)}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {release.type}
                  </TableCell>
                  <TableCell>
                    {release.portfolioId
                      ? portfolioNames[release.portfolioId] ?? ''
                      : ''}
                  </TableCell>
                  <TableCell>{shortRef(release.requester)}</TableCell>
                  <TableCell>{shortRef(release.manager)}</TableCell>
                  <TableCell>{shortRef(release.executorGroup)}</TableCell>
                  <TableCell>
                    {release.currentActivity ? (
                      <>
                        {release.currentActivity.title}
                        <Typography
                          variant="caption"
                          display="block"
                          color="textSecondary"
                        >
                          {shortRef(
                            release.currentActivity.assignee ??
                              release.currentActivity.group,
                          ) || 'unassigned'}{' '}
                          · {release.openActivityCount} open
                        </Typography>
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>
                    {release.allowedActions.map(action => (
                      <Button
                        key={action}
                        size="small"
                        color="primary"
                        onClick={() => onAction(release, action)}
                      >
                        {actionLabels[action]}
                      </Button>
                    ))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      <TablePagination
        component="div"
        count={totalCount}
        page={filters.page}
        rowsPerPage={filters.pageSize}
        rowsPerPageOptions={[10, 25, 50, 100]}
        onPageChange={(_, page) => onChange({ page })}
        onRowsPerPageChange={event =>
          onChange({ pageSize: Number(event.target.value), page: 0 })
        }
      />
    </>
  );
};
