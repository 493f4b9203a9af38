import { Link, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReleaseStatus } from '@internal/plugin-release-common';
import { releaseRouteRef } from '../../routes';
import { shortRef, StatusChip, useReleaseLabels } from '../labels';

/** A column of entity refs written the short way (`ana.souza`). */
export function refColumn<T extends object>(
  title: string,
  field: keyof T & string,
): TableColumn<T> {
  return {
    title,
    field,
    render: row => shortRef(row[field] as unknown as string | null),
  };
}

/** The columns every list of releases shows the same way. */
export function useReleaseColumns() {
  const releaseLink = useRouteRef(releaseRouteRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  return {
    /** The release number, linking to the release. */
    number: <T extends { id: string; number: string }>(
      title: string = t('field.number'),
    ): TableColumn<T> => ({
      title,
      field: 'number',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => <Link to={releaseLink({ id: row.id })}>{row.number}</Link>,
    }),
    status: <T extends { status: ReleaseStatus }>(): TableColumn<T> => ({
      title: t('field.status'),
      field: 'status',
      render: row => <StatusChip status={row.status} />,
    }),
    /** The planned window, ordered by its start. */
    window: <
      T extends { plannedStart: string | null; plannedEnd: string | null },
    >(): TableColumn<T> => ({
      title: t('field.window'),
      field: 'plannedStart',
      render: row => labels.window(row.plannedStart, row.plannedEnd),
    }),
  };
}
