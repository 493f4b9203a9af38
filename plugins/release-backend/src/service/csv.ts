import { stringify } from 'csv-stringify/sync';
import { Release } from '@internal/plugin-release-common';

/** The languages the header row can be written in. */
export type CsvLanguage = 'en' | 'pt-BR';

/** The exported fields, in order; only the header row is translated. */
const fields: Array<keyof Release> = [
  'number',
  'title',
  'type',
  'priority',
  'status',
  'outcome',
  'requester',
  'manager',
  'executorGroup',
  'portfolioId',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'createdAt',
  'closedAt',
  'closureNotes',
];

// Words as the frontend shows them (docs/glossary.md).
const headers: Record<CsvLanguage, Partial<Record<keyof Release, string>>> = {
  en: {
    number: 'Number',
    title: 'Title',
    type: 'Type',
    priority: 'Priority',
    status: 'Status',
    outcome: 'Outcome',
    requester: 'Requester',
    manager: 'Manager',
    executorGroup: 'Executor group',
    portfolioId: 'Portfolio',
    plannedStart: 'Planned start',
    plannedEnd: 'Planned end',
    actualStart: 'Actual start',
    actualEnd: 'Actual end',
    createdAt: 'Opened',
    closedAt: 'Closed',
    closureNotes: 'Closure notes',
  },
  'pt-BR': {
    number: 'Número',
    title: 'Título',
    type: 'Tipo',
    priority: 'Prioridade',
    status: 'Situação',
    outcome: 'Resultado',
    requester: 'Solicitante',
    manager: 'Gerente',
    executorGroup: 'Grupo executor',
    portfolioId: 'Portfólio',
    plannedStart: 'Início planejado',
    plannedEnd: 'Fim planejado',
    actualStart: 'Início real',
    actualEnd: 'Fim real',
    createdAt: 'Aberta em',
    closedAt: 'Fechada em',
    closureNotes: 'Notas de fechamento',
  },
};

// A cell starting with one of these is run as a formula by spreadsheets.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Closed-release search results as CSV, safe to open in a spreadsheet: the
 * header row in `language`, the values as stored (ISO dates, codes).
 */
export function releasesToCsv(
  releases: Release[],
  language: CsvLanguage = 'en',
): string {
  return stringify([
    fields.map(field => headers[language][field]),
    ...releases.map(release => fields.map(field => cell(release[field]))),
  ]);
}
