import { Table, TableColumn, TableProps } from '@backstage/core-components';
import TablePagination from '@material-ui/core/TablePagination';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode, useEffect, useRef } from 'react';

/** A page of rows the backend chose: the table shows it and asks for others. */
export type ServerPaging = {
  page: number;
  pageSize: number;
  totalCount: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  /** e.g. "1–25 of more than 1,000" when the backend stopped counting. */
  labelDisplayedRows?: (range: { from: number; to: number }) => string;
};

/** The backend's order: clicking a column header asks it for another. */
export type ServerSort = {
  /** The column fields the backend can order by. */
  fields: readonly string[];
  orderBy: string;
  order: 'asc' | 'desc';
  onChange: (orderBy: string, order: 'asc' | 'desc') => void;
};

const useStyles = makeStyles({
  wide: (props: { minWidth?: number }) => ({
    '& table': { minWidth: props.minWidth },
    '& th': { whiteSpace: 'nowrap' },
  }),
});

// The table sits in the page's own card: no second card around it.
const Container = (props: { style?: object; children?: ReactNode }) => (
  <div style={props.style}>{props.children}</div>
);

/**
 * The release pages' table: core-components' Table with typed columns,
 * compact rows and an accessible name. It pages and sorts its rows itself,
 * unless the backend does (`serverPaging`, `serverSort`): then it shows the
 * rows as they come and asks for another page or order.
 */
export function DataTable<T extends object>(props: {
  /** The table's accessible name, e.g. "Releases". */
  label: string;
  columns: TableColumn<T>[];
  data: T[];
  /** A heading above the table; none when the page's card has one. */
  title?: string;
  emptyContent?: ReactNode;
  /** Rows per page when the table pages itself; it pages only past that. */
  pageSize?: number;
  search?: boolean;
  /** False when the rows' order means something, e.g. the order of work. */
  sorting?: boolean;
  serverPaging?: ServerPaging;
  serverSort?: ServerSort;
  /** Wide tables scroll sideways instead of squeezing their headers. */
  minWidth?: number;
}) {
  const { label, data, serverPaging, serverSort, pageSize = 20 } = props;
  const classes = useStyles({ minWidth: props.minWidth });
  const root = useRef<HTMLDivElement>(null);

  // material-table gives its <table> no name; screen readers need one to
  // tell the tables of a page apart.
  useEffect(() => {
    root.current?.querySelector('table')?.setAttribute('aria-label', label);
  });

  const columns: TableColumn<T>[] = serverSort
    ? props.columns.map(column => {
        const field = String(column.field ?? '');
        if (!serverSort.fields.includes(field)) {
          return { ...column, sorting: false };
        }
        return {
          ...column,
          // The backend sorted the rows: keep its order.
          customSort: () => 0,
          defaultSort:
            field === serverSort.orderBy ? serverSort.order : undefined,
        };
      })
    : props.columns;

  // The next order follows the backend's current one, not the table's own
  // idea of it: a new column starts ascending, the same one flips.
  const onOrderChange: TableProps<T>['onOrderChange'] = serverSort
    ? index => {
        const field = columns[index]?.field;
        if (!field) return;
        const same = String(field) === serverSort.orderBy;
        serverSort.onChange(
          String(field),
          same && serverSort.order === 'asc' ? 'desc' : 'asc',
        );
      }
    : undefined;

  return (
    <div ref={root} className={classes.wide}>
      <Table<T>
        title={props.title}
        columns={columns}
        data={data}
        emptyContent={props.emptyContent}
        components={props.title ? undefined : { Container }}
        onOrderChange={onOrderChange}
        options={{
          toolbar: !!props.title || !!props.search,
          search: !!props.search,
          padding: 'dense',
          draggable: false,
          // Sorting one page of the backend's rows would mislead.
          sorting: props.sorting !== false && (!serverPaging || !!serverSort),
          thirdSortClick: false,
          paging: !serverPaging && data.length > pageSize,
          pageSize,
          pageSizeOptions: [pageSize, pageSize * 2, pageSize * 5],
          emptyRowsWhenPaging: false,
        }}
      />
      {serverPaging && (
        <TablePagination
          component="div"
          count={serverPaging.totalCount}
          page={serverPaging.page}
          rowsPerPage={serverPaging.pageSize}
          rowsPerPageOptions={[10, 25, 50, 100]}
          labelDisplayedRows={serverPaging.labelDisplayedRows}
          onPageChange={(_, page) => serverPaging.onPageChange(page)}
          onRowsPerPageChange={event =>
            serverPaging.onPageSizeChange(Number(event.target.value))
          }
        />
      )}
    </div>
  );
}
