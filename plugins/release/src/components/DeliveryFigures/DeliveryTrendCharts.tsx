import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DeliveryBucket } from '@internal/plugin-release-common';
import { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useReleaseLabels } from '../labels';

const colors = {
  executed: '#1976d2',
  failed: '#c62828',
  leadTime: '#00897b',
  recovery: '#ef6c00',
};

const Chart = (props: { title: string; children: ReactElement }) => (
  <Grid item xs={12} md={4}>
    <figure aria-label={props.title} style={{ margin: 0 }}>
      <Typography variant="subtitle2" component="figcaption">
        {props.title}
      </Typography>
      <ResponsiveContainer width="100%" height={200}>
        {props.children}
      </ResponsiveContainer>
    </figure>
  </Grid>
);

/**
 * The trend of a scope's figures per bucket: releases executed and failed,
 * the median lead time and recovery in days, and the change failure rate.
 */
export const DeliveryTrendCharts = (props: { buckets: DeliveryBucket[] }) => {
  const labels = useReleaseLabels();
  const { t } = labels;
  const days = (hours: number | null) =>
    hours === null ? null : Math.round((hours / 24) * 10) / 10;
  const data = props.buckets.map(bucket => ({
    label: labels.date(bucket.start),
    executed: bucket.executed,
    failed: bucket.failed,
    leadTime: days(bucket.leadTimeHours.median),
    recovery: days(bucket.recoveryHours.median),
    failureRate:
      bucket.changeFailureRate === null
        ? null
        : Math.round(bucket.changeFailureRate * 100),
  }));
  return (
    <Grid container spacing={2}>
      <Chart title={t('delivery.trend.releases')}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="executed"
            name={t('delivery.figure.executed')}
            fill={colors.executed}
          />
          <Bar
            dataKey="failed"
            name={t('delivery.trend.failed')}
            fill={colors.failed}
          />
        </BarChart>
      </Chart>
      <Chart title={t('delivery.trend.durations')}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis />
          <Tooltip />
          <Legend />
          <Line
            dataKey="leadTime"
            name={t('delivery.figure.leadTime')}
            stroke={colors.leadTime}
            connectNulls
          />
          <Line
            dataKey="recovery"
            name={t('delivery.figure.recoveryTime')}
            stroke={colors.recovery}
            connectNulls
          />
        </LineChart>
      </Chart>
      <Chart title={t('delivery.trend.failureRate')}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} />
          <Tooltip />
          <Line
            dataKey="failureRate"
            name={t('delivery.figure.changeFailureRate')}
            stroke={colors.failed}
            connectNulls
          />
        </LineChart>
      </Chart>
    </Grid>
  );
};
