import Chip from '@material-ui/core/Chip';
import { useReleaseLabels } from '../labels';

/**
 * The "awaiting my approval" filter as a toggle that always shows how many
 * releases wait for the user's decision, whether it filters or not
 * (docs/process.md#the-desktop).
 */
export const AwaitingApprovalChip = (props: {
  active: boolean;
  /** Unknown while loading or when the count failed. */
  count: number | undefined;
  onToggle: (active: boolean) => void;
}) => {
  const { active, count, onToggle } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  return (
    <Chip
      label={
        count === undefined
          ? t('awaitingApproval.filter')
          : t('awaitingApproval.filterCount', { total: labels.number(count) })
      }
      color={active ? 'secondary' : 'default'}
      variant={active ? 'default' : 'outlined'}
      onClick={() => onToggle(!active)}
      aria-pressed={active}
      style={{ marginRight: 24, marginBottom: 4 }}
    />
  );
};
