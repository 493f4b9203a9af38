import { TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { UnrecoveredRelease } from '@internal/plugin-release-common';
import { useReleaseLabels } from '../labels';
import { DataTable, useReleaseColumns } from '../tables';

const HOUR = 3600 * 1000;

/**
 * Failed releases no later successful release has recovered, with their
 * age: the oldest ones the figures list, and how many more there are.
 */
export const UnrecoveredReleases = (props: {
  releases: UnrecoveredRelease[];
  total: number;
}) => {
  const labels = useReleaseLabels();
  const { t } = labels;
  const column = useReleaseColumns();
  const columns: TableColumn<UnrecoveredRelease>[] = [
    column.number(),
    { title: t('field.title'), field: 'title' },
    {
      title: t('delivery.unrecovered.failedAt'),
      field: 'failedAt',
      render: release => labels.dateTime(release.failedAt),
    },
    {
      title: t('delivery.unrecovered.age'),
      field: 'ageHours',
      render: release => labels.duration(release.ageHours * HOUR),
    },
  ];
  const more = props.total - props.releases.length;
  return (
    <>
      <DataTable
        label={t('delivery.unrecovered.title')}
        columns={columns}
        data={props.releases}
        emptyContent={
          <div style={{ padding: 16 }}>{t('delivery.unrecovered.empty')}</div>
        }
      />
      {more > 0 && (
        <Typography variant="body2" color="textSecondary">
          {t('delivery.unrecovered.more', { count: more })}
        </Typography>
      )}
    </>
  );
};
