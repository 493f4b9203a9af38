import { ReleaseTouch } from '@internal/plugin-release-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useReleaseLabels } from '../labels';
import { ImpactPathText } from './ImpactPathText';

/** Whether a release changes the entity itself or reaches it through impact. */
export const ReleaseTouchText = (props: { touch?: ReleaseTouch }) => {
  const { touch } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  if (!touch) return null;
  if (touch.kind === 'direct') {
    return (
      <Typography variant="body2">
        {touch.role
          ? t('impact.directWithRole', { role: labels.ciRole(touch.role) })
          : t('impact.direct')}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2">
        {t('impact.impacted', { count: touch.distance })}
      </Typography>
      <ImpactPathText path={touch.path} />
    </Box>
  );
};
