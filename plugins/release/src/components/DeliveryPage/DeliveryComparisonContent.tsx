import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  DELIVERY_COMPARISON_DIMENSIONS,
  DeliveryComparisonDimension,
} from '@internal/plugin-release-common';
import Box from '@material-ui/core/Box';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseApiRef } from '../../api';
import {
  DeliveryPeriod,
  deliveryRange,
  PeriodSelect,
} from '../DeliveryFigures';
import { SelectField } from '../forms';
import { useReleaseLabels } from '../labels';
import { DataTable } from '../tables';
import { comparisonColumns } from './comparisonColumns';

/**
 * Executor groups or systems side by side (docs/metrics.md): one row each
 * with the four figures and their levels, sortable by any of them; without a
 * page header, which the page around it draws.
 */
export const DeliveryComparisonContent = () => {
  const releaseApi = useApi(releaseApiRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const [dimension, setDimension] =
    useState<DeliveryComparisonDimension>('executorGroup');
  const [period, setPeriod] = useState<DeliveryPeriod>('6');
  const query = useMemo(
    () => ({ dimension, ...deliveryRange(period) }),
    [dimension, period],
  );
  const comparison = useAsync(
    () => releaseApi.getDeliveryComparison(query),
    [releaseApi, query],
  );
  // The rows of the dimension asked for, not those of the previous answer.
  const rows =
    comparison.value?.dimension === dimension
      ? comparison.value.rows
      : undefined;

  return (
    <>
      <ContentHeader title={t('delivery.comparison.title')}>
        <Box display="flex" style={{ gap: 16 }}>
          <SelectField
            id="release-delivery-dimension"
            size="small"
            variant="outlined"
            label={t('delivery.comparison.dimension')}
            value={dimension}
            onChange={next => setDimension(next as DeliveryComparisonDimension)}
            options={DELIVERY_COMPARISON_DIMENSIONS.map(value => [
              value,
              t(`delivery.comparison.${value}`),
            ])}
          />
          <PeriodSelect
            id="release-delivery-comparison-period"
            value={period}
            onChange={setPeriod}
          />
        </Box>
      </ContentHeader>
      {comparison.error && <ResponseErrorPanel error={comparison.error} />}
      {!comparison.error && !rows && <Progress />}
      {rows && rows.length === 0 && (
        <EmptyState
          missing="data"
          title={t('delivery.comparison.empty')}
          description={t('delivery.pageSubtitle')}
        />
      )}
      {rows && rows.length > 0 && (
        <InfoCard title={t(`delivery.comparison.${dimension}`)} noPadding>
          <DataTable
            label={t('delivery.comparison.tableLabel')}
            columns={comparisonColumns(labels, dimension)}
            data={rows}
            minWidth={960}
          />
        </InfoCard>
      )}
    </>
  );
};
