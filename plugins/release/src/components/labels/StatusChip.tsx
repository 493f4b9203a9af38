import Chip from '@material-ui/core/Chip';
import { ReleaseStatus } from '@internal/plugin-release-common';
import { useReleaseLabels } from './useReleaseLabels';

const colors: Record<ReleaseStatus, string> = {
  registered: '#607d8b',
  planning: '#1976d2',
  'awaiting-approval': '#ad1457',
  authorized: '#7b1fa2',
  deployment: '#ef6c00',
  executed: '#00897b',
  closed: '#2e7d32',
  suspended: '#8d6e63',
  cancelled: '#9e9e9e',
};

/** A release's workflow state as a coloured chip. */
export const StatusChip = (props: { status: ReleaseStatus }) => {
  const labels = useReleaseLabels();
  return (
    <Chip
      size="small"
      label={labels.status(props.status)}
      style={{ backgroundColor: colors[props.status], color: '#fff' }}
    />
  );
};

export const statusColor = (status: ReleaseStatus) => colors[status];
