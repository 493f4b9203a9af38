import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Bar, BarChart, ResponsiveContainer, Tooltip } from 'recharts';
import { releaseApiRef } from '../../api';
import { deliveryRouteRef } from '../../routes';
import { deliveryRange, HeadlineFigures } from '../DeliveryFigures';
import { useReleaseLabels } from '../labels';
import { useEntityRef } from '../EntityReleases/useEntityRef';

/**
 * For a system's, domain's or component's overview: its delivery figures
 * over the last twelve months (its own releases and, through `partOf`,
 * those of what it contains) and a sparkline of releases per month.
 * Nothing at all when no release of it was executed or closed.
 */
export const EntityReleaseDeliveryCard = () => {
  const entityRef = useEntityRef();
  const releaseApi = useApi(releaseApiRef);
  const deliveryLink = useRouteRef(deliveryRouteRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const range = useMemo(() => deliveryRange(12), []);
  const metrics = useAsync(
    () =>
      releaseApi.getDeliveryMetrics({ entityRef, bucket: 'month', ...range }),
    [releaseApi, entityRef, range],
  );

  const card = (content: JSX.Element) => (
    <InfoCard
      title={t('delivery.card.title')}
      subheader={t('delivery.card.subtitle')}
      deepLink={{ title: t('delivery.card.allFigures'), link: deliveryLink() }}
    >
      {content}
    </InfoCard>
  );
  if (metrics.error) {
    return card(<ResponseErrorPanel error={metrics.error} />);
  }
  const value = metrics.value;
  if (!value || value.summary.executed + value.summary.closed === 0) {
    return null;
  }
  const perMonth = value.buckets.map(bucket => ({
    label: labels.date(bucket.start),
    executed: bucket.executed,
  }));
  return card(
    <>
      <HeadlineFigures metrics={value} compact />
      <Box mt={2} role="img" aria-label={t('delivery.card.sparkline')}>
        <ResponsiveContainer width="100%" height={48}>
          <BarChart data={perMonth}>
            <Tooltip
              labelFormatter={(_, payload) => payload?.[0]?.payload?.label}
            />
            <Bar
              dataKey="executed"
              name={t('delivery.figure.executed')}
              fill="#1976d2"
            />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </>,
  );
};
