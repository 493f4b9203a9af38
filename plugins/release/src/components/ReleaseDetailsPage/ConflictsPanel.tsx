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
import { shortRef, useReleaseLabels } from '../labels';

/**
 * Other open releases overlapping this window on a shared entity, and the
 * blackout windows it meets: what makes authorize ask for an override.
 */
export const ConflictsPanel = (props: { release: ReleaseDetails }) => {
  const { release } = props;
  const releaseApi = useApi(releaseApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const check = useAsync(
    () => releaseApi.getConflicts(release.id),
    [releaseApi, release.id, release.version],
  );

  if (check.loading) return <Progress />;
  if (check.error) return <ResponseErrorPanel error={check.error} />;
  const { window, conflicts, blackouts } = check.value!;
  if (!window) {
    return <Alert severity="info">{t('conflicts.noWindow')}</Alert>;
  }
  if (conflicts.length === 0 && blackouts.length === 0) {
    return (
      <Alert severity="success">
        {t('conflicts.none', {
          window: labels.window(window.start, window.end),
        })}
      </Alert>
    );
  }
  return (
    <Box>
      {conflicts.length > 0 && (
        <>
          <Typography variant="h6">{t('conflicts.overlapping')}</Typography>
          <List dense aria-label={t('conflicts.overlapping')}>
            {conflicts.map(conflict => (
              <ListItem key={conflict.release.id} divider>
                <ListItemText
                  primary={
                    <>
                      <Link to={releaseLink({ id: conflict.release.id })}>
                        {conflict.release.number}
                      </Link>{' '}
                      {conflict.release.title} ·{' '}
                      {labels.status(conflict.release.status)}
                    </>
                  }
                  secondary={t('conflicts.overlapDetail', {
                    theirs: labels.window(
                      conflict.release.window.start,
                      conflict.release.window.end,
                    ),
                    overlap: labels.window(
                      conflict.window.start,
                      conflict.window.end,
                    ),
                    entities: conflict.sharedEntityRefs
                      .map(shortRef)
                      .join(', '),
                  })}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      {blackouts.length > 0 && (
        <>
          <Typography variant="h6">{t('conflicts.blackouts')}</Typography>
          <List dense aria-label={t('conflicts.blackouts')}>
            {blackouts.map(blackout => (
              <ListItem key={`${blackout.name}-${blackout.start}`} divider>
                <ListItemText
                  primary={blackout.name}
                  secondary={[
                    labels.window(blackout.start, blackout.end),
                    blackout.matchedEntityRefs.length > 0 &&
                      t('conflicts.appliesThrough', {
                        entities: blackout.matchedEntityRefs
                          .map(shortRef)
                          .join(', '),
                      }),
                    blackout.description,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
      <Alert severity="warning">{t('conflicts.needsOverride')}</Alert>
    </Box>
  );
};
