import { stringify } from 'csv-stringify/sync';
import {
  DeliveryFigures,
  DeliveryMetrics,
} from '@internal/plugin-release-common';
import { CsvLanguage } from '../service/csv';

/** The columns, in order: where a row is, then its figures. */
const columns = [
  'row',
  'start',
  'end',
  'executed',
  'releasesPerWeek',
  'medianIntervalHours',
  'leadTimeMedianHours',
  'leadTimeP90Hours',
  'windowSlipMedianHours',
  'closed',
  'failed',
  'changeFailureRate',
  'recovered',
  'recoveryMedianHours',
  'reworked',
  'reworkRate',
] as const;

type Column = (typeof columns)[number];

// Words as the frontend shows them (docs/glossary.md, docs/metrics.md).
const headers: Record<CsvLanguage, Record<Column, string>> = {
  en: {
    row: 'Row',
    start: 'Start',
    end: 'End',
    executed: 'Executed',
    releasesPerWeek: 'Releases per week',
    medianIntervalHours: 'Median interval (hours)',
    leadTimeMedianHours: 'Lead time, median (hours)',
    leadTimeP90Hours: 'Lead time, p90 (hours)',
    windowSlipMedianHours: 'Window slip, median (hours)',
    closed: 'Closed',
    failed: 'Failed',
    changeFailureRate: 'Change failure rate',
    recovered: 'Recovered',
    recoveryMedianHours: 'Recovery time, median (hours)',
    reworked: 'Rework',
    reworkRate: 'Rework rate',
  },
  'pt-BR': {
    row: 'Linha',
    start: 'Início',
    end: 'Fim',
    executed: 'Executadas',
    releasesPerWeek: 'Liberações por semana',
    medianIntervalHours: 'Intervalo mediano (horas)',
    leadTimeMedianHours: 'Tempo de entrega, mediana (horas)',
    leadTimeP90Hours: 'Tempo de entrega, p90 (horas)',
    windowSlipMedianHours: 'Atraso da janela, mediana (horas)',
    closed: 'Fechadas',
    failed: 'Com falha',
    changeFailureRate: 'Taxa de falha de mudança',
    recovered: 'Recuperadas',
    recoveryMedianHours: 'Tempo de recuperação, mediana (horas)',
    reworked: 'Retrabalho',
    reworkRate: 'Taxa de retrabalho',
  },
};

function cells(
  row: 'bucket' | 'total',
  start: string,
  end: string,
  figures: DeliveryFigures,
): Record<Column, unknown> {
  return {
    row,
    start,
    end,
    executed: figures.executed,
    releasesPerWeek: figures.releasesPerWeek,
    medianIntervalHours: figures.medianIntervalHours,
    leadTimeMedianHours: figures.leadTimeHours.median,
    leadTimeP90Hours: figures.leadTimeHours.p90,
    windowSlipMedianHours: figures.windowSlipHours.median,
    closed: figures.closed,
    failed: figures.failed,
    changeFailureRate: figures.changeFailureRate,
    recovered: figures.recovered,
    recoveryMedianHours: figures.recoveryHours.median,
    reworked: figures.reworked,
    reworkRate: figures.reworkRate,
  };
}

/**
 * The figures as CSV: a row per bucket, then the whole period's (`total`).
 * Only the header row is translated; values stay machine-readable (ISO
 * dates, plain numbers, empty for a figure with nothing to measure).
 */
export function metricsToCsv(
  metrics: DeliveryMetrics,
  language: CsvLanguage = 'en',
): string {
  const rows = [
    ...metrics.buckets.map(bucket =>
      cells('bucket', bucket.start, bucket.end, bucket),
    ),
    cells('total', metrics.from, metrics.to, metrics.summary),
  ];
  return stringify([
    columns.map(column => headers[language][column]),
    ...rows.map(row =>
      columns.map(column => (row[column] === null ? '' : String(row[column]))),
    ),
  ]);
}
