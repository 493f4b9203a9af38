import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReleaseDetails } from '@internal/plugin-release-common';
import useAsync from 'react-use/esm/useAsync';
import { releaseApiRef } from '../../api';
import { releaseRouteRef } from '../../routes';
import { formatWindow, shortRef, statusLabels } from '../labels';

/**
 * Other open releases overlapping this window on a shared entity, and the
 * blackout windows it meets: what makes authorize ask for an override.
 */
export const ConflictsPanel = (props: { release: ReleaseDetails }) => {
  const { release } = props;
  const releaseApi = useApi(releaseApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const check = useAsync(
    () => releaseApi.getConflicts(release.id),
    [releaseApi, release.id, release.version],
  );

  if (check.loading) return <Progress />;
  if (check.error) return <ResponseErrorPanel error={check.error} />;
  const { window, conflicts, blackouts } = check.value!;
  if (!window) {
    return (
      <Alert severity="info">
        Plan a window (start and end) to check it against other releases and
        blackout windows.
      </Alert>
    );
  }
  if (conflicts.length === 0 && blackouts.length === 0) {
    return (
      <Alert severity="success">
        No open release overlaps {formatWindow(window.start, window.end)} on a
        shared entity, and no blackout window applies.
      </Alert>
    );
  }
  return (
    <Box>
      {conflicts.length > 0 && (
        <>
          <Typography variant="h6">Overlapping releases</Typography>
          <List dense aria-label="Overlapping releases">
            {conflicts.map(conflict => (
              <ListItem key={conflict.release.id} divider>
                <ListItemText
                  primary={
                    <>
                      <Link to={releaseLink({ id: conflict.release.id })}>
                        {conflict.release.number}
                      </Link>{' '}
                      {conflict.release.title} ·{' '}
                      {statusLabels[conflict.release.status]}
                    </>
                  }
                  secondary={`Its window ${formatWindow(
                    conflict.release.window.start,
                    conflict.release.window.end,
                  )} overlaps this one (${formatWindow(
                    conflict.window.start,
                    conflict.window.end,
                  )}); both touch ${conflict.sharedEntityRefs
                    .map(shortRef)
                    .join(', ')}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {blackouts.length > 0 && (
        <>
          <Typography variant="h6">Blackout windows</Typography>
          <List dense aria-label="Blackout windows">
            {blackouts.map(blackout => (
              <ListItem key={`${blackout.name}-${blackout.start}`} divider>
                <ListItemText
                  primary={blackout.name}
                  secondary={`${formatWindow(blackout.start, blackout.end)}${
                    blackout.matchedEntityRefs.length > 0
                      ? ` · applies through ${blackout.matchedEntityRefs
                          .map(shortRef)
                          .join(', ')}`
                      : ''
                  }${blackout.description ? ` · ${blackout.description}` : ''}`}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      <Alert severity="warning">
        Authorizing this window needs an override with a comment.
      </Alert>
    </Box>
  );
};
