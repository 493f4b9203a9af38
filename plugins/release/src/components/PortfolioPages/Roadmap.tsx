import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Release } from '@internal/plugin-release-common';
import { releaseRouteRef } from '../../routes';
import { statusColor, useReleaseLabels } from '../labels';

/** Planned windows across the period, one bar per release, placed in time. */
export const Roadmap = (props: {
  releases: Release[];
  from: string;
  to: string;
}) => {
  const releaseLink = useRouteRef(releaseRouteRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const start = Date.parse(props.from);
  const span = Date.parse(props.to) - start;
  const place = (iso: string) =>
    Math.min(100, Math.max(0, ((Date.parse(iso) - start) / span) * 100));
  if (props.releases.length === 0) {
    return (
      <Typography color="textSecondary">{t('portfolios.noWindows')}</Typography>
    );
  }
  return (
    <Box role="list" aria-label={t('portfolios.roadmapLabel')}>
      {props.releases.map(release => {
        const left = place(release.plannedStart!);
        const width = Math.max(0.8, place(release.plannedEnd!) - left);
        return (
          <Box
            key={release.id}
            role="listitem"
            display="flex"
            alignItems="center"
            mb={0.5}
          >
            <Box
              width="30%"
              pr={1}
              overflow="hidden"
              whiteSpace="nowrap"
              textOverflow="ellipsis"
            >
              <Link to={releaseLink({ id: release.id })}>{release.number}</Link>{' '}
              {release.title}
            </Box>
            <Box
              width="70%"
              position="relative"
              height={14}
              bgcolor="action.hover"
            >
              <Box
                position="absolute"
                left={`${left}%`}
                width={`${width}%`}
                height="100%"
                style={{ backgroundColor: statusColor(release.status) }}
                title={labels.window(release.plannedStart, release.plannedEnd)}
              />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};
