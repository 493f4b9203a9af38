import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  PortfolioSummary,
  RELEASE_OUTCOMES,
  RELEASE_STATUSES,
  ReleaseStatus,
} from '@internal/plugin-release-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { statusColor, useReleaseLabels } from '../labels';

const outcomeColors: Record<string, string> = {
  successful: '#2e7d32',
  partial: '#f9a825',
  failed: '#c62828',
  'rolled-back': '#6a1b9a',
};

/** Releases by state, outcomes and lead time for the period. */
export const SummaryCharts = (props: { summary: PortfolioSummary }) => {
  const { summary } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  const byStatus = RELEASE_STATUSES.map(status => ({
    status,
    label: labels.status(status),
    count: summary.byStatus[status] ?? 0,
  }));
  const outcomes = RELEASE_OUTCOMES.map(outcome => ({
    outcome,
    label: labels.outcome(outcome),
    count: summary.outcomes[outcome] ?? 0,
  }));
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('portfolios.byState')}>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={byStatus}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name={t('common.releases')}>
                {byStatus.map(entry => (
                  <Cell
                    key={entry.status}
                    fill={statusColor(entry.status as ReleaseStatus)}
                  />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title={t('portfolios.outcomes')}>
          <Typography
            variant="h6"
            aria-label={t('portfolios.successRateLabel')}
          >
            {t('portfolios.successRate', {
              rate:
                summary.successRate === null
                  ? t('portfolios.noneClosed')
                  : labels.percent(summary.successRate),
            })}
          </Typography>
          <ResponsiveContainer width="100%" height={200}>
            <BarChart data={outcomes}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" name={t('common.releases')}>
                {outcomes.map(entry => (
                  <Cell
                    key={entry.outcome}
                    fill={outcomeColors[entry.outcome]}
                  />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
          <Typography variant="body2">
            {t('portfolios.leadTime', {
              value: summary.leadTimeHours
                ? t('portfolios.leadTimeValue', {
                    average: labels.decimal(summary.leadTimeHours.average / 24),
                    median: labels.decimal(summary.leadTimeHours.median / 24),
                    releases: labels.number(summary.leadTimeHours.count),
                  })
                : '—',
            })}
          </Typography>
        </InfoCard>
      </Grid>
    </Grid>
  );
};
