export { DataTable } from './DataTable';
export type { ServerPaging, ServerSort } from './DataTable';
