import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { MetricsBucket } from '@internal/plugin-release-common';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseApiRef } from '../../api';
import { SelectField } from '../forms';
import { useReleaseLabels } from '../labels';
import { DeliveryPeriod, deliveryRange } from './deliveryPeriods';
import { DeliveryTrendCharts } from './DeliveryTrendCharts';
import { downloadFile } from './downloadFile';
import { HeadlineFigures } from './HeadlineFigures';
import { DELIVERY_SELECT_MIN_WIDTH, PeriodSelect } from './PeriodSelect';
import { UnrecoveredReleases } from './UnrecoveredReleases';

/**
 * A portfolio's delivery figures (docs/metrics.md): the four headline
 * figures with their levels, their trend per week or month, and the failed
 * releases not yet recovered, over the last 3, 6 or 12 months.
 */
export const DeliverySection = (props: { portfolioId: string }) => {
  const releaseApi = useApi(releaseApiRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const [period, setPeriod] = useState<DeliveryPeriod>('6');
  const [bucket, setBucket] = useState<MetricsBucket>('month');
  const query = useMemo(
    () => ({
      portfolioId: props.portfolioId,
      bucket,
      ...deliveryRange(period),
    }),
    [props.portfolioId, bucket, period],
  );
  const metrics = useAsync(
    () => releaseApi.getDeliveryMetrics(query),
    [releaseApi, query],
  );

  const download = async () => {
    // The header row in the user's language; the values stay machine-readable.
    const blob = await releaseApi.exportDeliveryCsv({
      ...query,
      language: labels.locale.startsWith('pt') ? 'pt-BR' : 'en',
    });
    downloadFile(blob, 'delivery.csv');
  };

  const value = metrics.value;
  const empty = value && value.summary.executed + value.summary.closed === 0;
  return (
    <InfoCard title={t('delivery.title')}>
      <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 16 }}>
        <PeriodSelect
          id="release-delivery-period"
          value={period}
          onChange={setPeriod}
        />
        <SelectField
          id="release-delivery-bucket"
          size="small"
          variant="outlined"
          style={{ minWidth: DELIVERY_SELECT_MIN_WIDTH }}
          label={t('delivery.bucket')}
          value={bucket}
          onChange={next => setBucket(next as MetricsBucket)}
          options={[
            ['week', t('delivery.bucketWeek')],
            ['month', t('delivery.bucketMonth')],
          ]}
        />
        <Button disabled={!value || empty} onClick={download}>
          {t('delivery.downloadCsv')}
        </Button>
      </Box>
      {metrics.error && <ResponseErrorPanel error={metrics.error} />}
      {metrics.loading && <Progress />}
      {!metrics.loading && empty && (
        <Typography variant="body1">{t('delivery.empty')}</Typography>
      )}
      {!metrics.loading && value && !empty && (
        <>
          <HeadlineFigures metrics={value} />
          <Box mt={3}>
            <DeliveryTrendCharts buckets={value.buckets} />
          </Box>
          <Box mt={3}>
            <Typography variant="h6" component="h3" gutterBottom>
              {t('delivery.unrecovered.title')}
            </Typography>
            <UnrecoveredReleases
              releases={value.unrecovered}
              total={value.unrecoveredTotal}
            />
          </Box>
        </>
      )}
    </InfoCard>
  );
};
