import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  RELEASE_STATUSES,
  ReleaseBreakdown,
} from '@internal/plugin-release-common';
import {
  Bar,
  BarChart,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { shortRef, statusColor, useReleaseLabels } from '../labels';

type Slice = { key: string; label: string; count: number; color?: string };

const priorityColors = ['#c62828', '#ef6c00', '#f9a825', '#1565c0', '#607d8b'];
/** Executor groups charted one by one; the rest are summed. */
const GROUPS_SHOWN = 6;

/** One small bar chart, with its figures as text for every reader. */
const BreakdownCard = (props: { title: string; slices: Slice[] }) => {
  const { title, slices } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  const shown = slices.filter(slice => slice.count > 0);
  return (
    <InfoCard title={title}>
      <ResponsiveContainer width="100%" height={140}>
        <BarChart data={shown} layout="vertical" margin={{ left: 8 }}>
          <XAxis type="number" allowDecimals={false} hide />
          <YAxis
            type="category"
            dataKey="label"
            width={110}
            tick={{ fontSize: 11 }}
          />
          <Tooltip />
          <Bar dataKey="count" name={t('common.releases')}>
            {shown.map(slice => (
              <Cell key={slice.key} fill={slice.color ?? '#1565c0'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <Typography variant="caption" color="textSecondary" aria-label={title}>
        {shown.length
          ? shown
              .map(slice =>
                t('charts.slice', {
                  label: slice.label,
                  value: labels.number(slice.count),
                }),
              )
              .join(' · ')
          : t('charts.noReleases')}
      </Typography>
    </InfoCard>
  );
};

/**
 * Active releases by status, priority and executor group
 * (docs/process.md#the-desktop).
 */
export const DesktopCharts = (props: { breakdown: ReleaseBreakdown }) => {
  const { byStatus, byPriority, byExecutorGroup } = props.breakdown;
  const labels = useReleaseLabels();
  const { t } = labels;
  const statuses = RELEASE_STATUSES.map(status => ({
    key: status,
    label: labels.status(status),
    count: byStatus[status] ?? 0,
    color: statusColor(status),
  }));
  const priorities = ([1, 2, 3, 4, 5] as const).map(priority => ({
    key: String(priority),
    label: labels.priority(priority),
    count: byPriority[String(priority)] ?? 0,
    color: priorityColors[priority - 1],
  }));
  const groups = byExecutorGroup.slice(0, GROUPS_SHOWN).map(entry => ({
    key: entry.group ?? 'none',
    label: entry.group ? shortRef(entry.group) : t('charts.noGroup'),
    count: entry.count,
  }));
  const others = byExecutorGroup
    .slice(GROUPS_SHOWN)
    .reduce((sum, entry) => sum + entry.count, 0);
  if (others > 0) {
    groups.push({
      key: 'others',
      label: t('charts.otherGroups'),
      count: others,
    });
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <BreakdownCard title={t('charts.byStatus')} slices={statuses} />
      </Grid>
      <Grid item xs={12} md={4}>
        <BreakdownCard title={t('charts.byPriority')} slices={priorities} />
      </Grid>
      <Grid item xs={12} md={4}>
        <BreakdownCard title={t('charts.byExecutorGroup')} slices={groups} />
      </Grid>
    </Grid>
  );
};
