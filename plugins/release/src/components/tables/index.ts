export { DataTable } from './DataTable';
export type { ServerPaging, ServerSort } from './DataTable';
export { refColumn, useReleaseColumns } from './columns';
