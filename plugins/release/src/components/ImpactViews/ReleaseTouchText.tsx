import { ReleaseTouch } from '@internal/plugin-release-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ImpactPathText } from './ImpactPathText';

/** Whether a release changes the entity itself or reaches it through impact. */
export const ReleaseTouchText = (props: { touch?: ReleaseTouch }) => {
  const { touch } = props;
  if (!touch) return null;
  if (touch.kind === 'direct') {
    return (
      <Typography variant="body2">
        Direct{touch.role ? ` · ${touch.role}` : ''}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2">
        Impacted · {touch.distance} {touch.distance === 1 ? 'hop' : 'hops'}
      </Typography>
      <ImpactPathText path={touch.path} />
    </Box>
  );
};
