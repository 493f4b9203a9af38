import Chip from '@material-ui/core/Chip';
import { DeliveryLevel } from '@internal/plugin-release-common';
import { useReleaseLabels } from '../labels';

// Best to worst, green to red; text colours keep the contrast readable.
const colors: Record<DeliveryLevel, { background: string; text: string }> = {
  elite: { background: '#1b5e20', text: '#fff' },
  high: { background: '#7cb342', text: '#000' },
  medium: { background: '#f9a825', text: '#000' },
  low: { background: '#c62828', text: '#fff' },
};

/** A figure's DORA performance level (docs/metrics.md) as a coloured chip. */
export const LevelChip = (props: { level: DeliveryLevel | null }) => {
  const { t } = useReleaseLabels();
  if (!props.level) {
    return (
      <Chip size="small" variant="outlined" label={t('delivery.noLevel')} />
    );
  }
  const color = colors[props.level];
  return (
    <Chip
      size="small"
      label={t(`delivery.level.${props.level}`)}
      style={{ backgroundColor: color.background, color: color.text }}
    />
  );
};
