import { ContentHeader } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { StatusChip, useReleaseLabels } from '../labels';

/**
 * A release's number · title, status, priority and type as the title row of
 * a page whose header belongs to the app (the new frontend system's plugin
 * page header), where the legacy page puts them in its own header.
 */
export const ReleaseHeadline = (props: { release: ReleaseDetails }) => {
  const { release } = props;
  const labels = useReleaseLabels();
  const { t } = labels;
  return (
    <ContentHeader
      title={t('record.headline', {
        number: release.number,
        title: release.title,
      })}
      description={t('record.release')}
    >
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <StatusChip status={release.status} />
        <Chip
          size="small"
          variant="outlined"
          label={t('record.priorityChip', {
            priority: labels.priority(release.priority),
          })}
        />
        <Chip
          size="small"
          variant="outlined"
          label={t('record.typeChip', { type: labels.type(release.type) })}
        />
      </Box>
    </ContentHeader>
  );
};
