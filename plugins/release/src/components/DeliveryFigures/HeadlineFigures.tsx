import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  DeliveryMetrics,
  LEVELLED_FIGURES,
} from '@internal/plugin-release-common';
import { useReleaseLabels } from '../labels';
import { figureTexts } from './figureTexts';
import { LevelChip } from './LevelChip';

/**
 * The four headline figures with their levels, each a group named after
 * its figure; `compact` for a card beside others on an entity page.
 */
export const HeadlineFigures = (props: {
  metrics: Pick<DeliveryMetrics, 'summary' | 'levels'>;
  compact?: boolean;
}) => {
  const { summary, levels } = props.metrics;
  const labels = useReleaseLabels();
  const { t } = labels;
  const texts = figureTexts(labels);
  return (
    <Grid container spacing={2}>
      {LEVELLED_FIGURES.map(figure => (
        <Grid item key={figure} xs={6} md={props.compact ? 6 : 3}>
          <Box role="group" aria-label={t(`delivery.figure.${figure}`)}>
            <Typography variant="overline" component="p">
              {t(`delivery.figure.${figure}`)}
            </Typography>
            <Typography variant={props.compact ? 'h6' : 'h5'} component="p">
              {texts.value(figure, summary)}
            </Typography>
            <LevelChip level={levels[figure]} />
            <Typography variant="body2" color="textSecondary">
              {texts.detail(figure, summary)}
            </Typography>
          </Box>
        </Grid>
      ))}
    </Grid>
  );
};
