import { stringify } from 'csv-stringify/sync';
import { Release } from '@internal/plugin-release-common';

const columns: Array<[keyof Release, string]> = [
  ['number', 'Number'],
  ['title', 'Title'],
  ['type', 'Type'],
  ['priority', 'Priority'],
  ['status', 'Status'],
  ['outcome', 'Outcome'],
  ['requester', 'Requester'],
  ['manager', 'Manager'],
  ['executorGroup', 'Executor group'],
  ['portfolioId', 'Portfolio'],
  ['plannedStart', 'Planned start'],
  ['plannedEnd', 'Planned end'],
  ['actualStart', 'Actual start'],
  ['actualEnd', 'Actual end'],
  ['createdAt', 'Opened'],
  ['closedAt', 'Closed'],
  ['closureNotes', 'Closure notes'],
];

// A cell starting with one of these is run as a formula by spreadsheets.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

/** Closed-release search results as CSV, safe to open in a spreadsheet. */
export function releasesToCsv(releases: Release[]): string {
  return stringify([
    columns.map(([, header]) => header),
    ...releases.map(release => columns.map(([field]) => cell(release[field]))),
  ]);
}
