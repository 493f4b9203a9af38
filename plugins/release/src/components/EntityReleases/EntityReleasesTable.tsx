import { Link, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityReleaseItem } from '@internal/plugin-release-common';
import { releaseRouteRef } from '../../routes';
import { useReleaseLabels } from '../labels';
import { ReleaseTouchText } from '../ImpactViews';
import { DataTable, useReleaseColumns } from '../tables';

/** Releases touching an entity, with how each touches it. */
export const EntityReleasesTable = (props: {
  title: string;
  items: EntityReleaseItem[];
  emptyText: string;
}) => {
  const releaseLink = useRouteRef(releaseRouteRef);
  const column = useReleaseColumns();
  const labels = useReleaseLabels();
  const { t } = labels;
  const columns: TableColumn<EntityReleaseItem>[] = [
    {
      title: t('entityTab.release'),
      field: 'number',
      render: row => (
        <>
          <Link to={releaseLink({ id: row.id })}>{row.number}</Link> {row.title}
        </>
      ),
    },
    {
      title: t('entityTab.touches'),
      field: 'touch',
      sorting: false,
      render: row => <ReleaseTouchText touch={row.touch} />,
    },
    column.status(),
    column.window(),
    {
      title: t('field.priority'),
      field: 'priority',
      render: row => labels.priority(row.priority),
    },
  ];
  return (
    <DataTable
      label={props.title}
      title={props.title}
      columns={columns}
      data={props.items}
      pageSize={100}
      emptyContent={<div style={{ padding: 16 }}>{props.emptyText}</div>}
    />
  );
};
