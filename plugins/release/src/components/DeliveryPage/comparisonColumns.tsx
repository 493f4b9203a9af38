import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import {
  DeliveryComparison,
  DeliveryComparisonDimension,
  LEVELLED_FIGURES,
  LevelledFigure,
} from '@internal/plugin-release-common';
import { figureTexts, LevelChip } from '../DeliveryFigures';
import { ReleaseLabels } from '../labels';

export type ComparisonRow = DeliveryComparison['rows'][number];

/** The number a figure's column sorts by; null when there is nothing to measure. */
const sortValue: Record<
  LevelledFigure | 'reworkRate' | 'executed',
  (row: ComparisonRow) => number | null
> = {
  frequency: row => row.summary.releasesPerWeek,
  leadTime: row => row.summary.leadTimeHours.median,
  changeFailureRate: row => row.summary.changeFailureRate,
  recoveryTime: row => row.summary.recoveryHours.median,
  reworkRate: row => row.summary.reworkRate,
  executed: row => row.summary.executed,
};

/** Ascending with the rows that have no value after the others. */
const byValue =
  (of: (row: ComparisonRow) => number | null) =>
  (a: ComparisonRow, b: ComparisonRow) => {
    const x = of(a);
    const y = of(b);
    if (x === null || y === null)
      return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return x - y;
  };

/**
 * The comparison table's columns: the group or system, linking to its
 * entity page; the four figures with their levels; rework rate; executed.
 */
export function comparisonColumns(
  labels: ReleaseLabels,
  dimension: DeliveryComparisonDimension,
): TableColumn<ComparisonRow>[] {
  const { t } = labels;
  const texts = figureTexts(labels);
  return [
    {
      title: t(`delivery.comparison.${dimension}Column`),
      field: 'key',
      render: row => (
        <EntityRefLink
          entityRef={row.key}
          defaultKind={dimension === 'system' ? 'system' : 'group'}
        />
      ),
    },
    ...LEVELLED_FIGURES.map(
      (figure): TableColumn<ComparisonRow> => ({
        title: t(`delivery.figure.${figure}`),
        field: `summary.${figure}`,
        customSort: byValue(sortValue[figure]),
        render: row => (
          // The level under the value keeps seven columns within a laptop's width.
          <Box
            display="flex"
            flexDirection="column"
            alignItems="flex-start"
            style={{ gap: 4 }}
          >
            <span>{texts.value(figure, row.summary)}</span>
            <LevelChip level={row.levels[figure]} />
          </Box>
        ),
      }),
    ),
    {
      title: t('delivery.figure.reworkRate'),
      field: 'summary.reworkRate',
      customSort: byValue(sortValue.reworkRate),
      render: row => texts.share(row.summary.reworkRate),
    },
    {
      title: t('delivery.figure.executed'),
      field: 'summary.executed',
      customSort: byValue(sortValue.executed),
      render: row => labels.number(row.summary.executed),
    },
  ];
}
