import { TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowUpward from '@material-ui/icons/ArrowUpward';
import Alert from '@material-ui/lab/Alert';
import {
  ActivityPhase,
  ActivityStatus,
  ReleaseActivity,
  ReleaseDetails,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { releaseApiRef } from '../../api';
import { EntityPicker } from '../EntityPicker';
import { NoteDialog } from './NoteDialog';
import { StaleVersionAlert } from '../forms';
import { useSubmission } from '../../hooks/useSubmission';
import { shortRef, useReleaseLabels } from '../labels';
import { DataTable } from '../tables';

const nextSteps: Partial<Record<ActivityStatus, ActivityStatus[]>> = {
  pending: ['in-progress', 'done', 'skipped'],
  'in-progress': ['done', 'failed', 'skipped'],
  failed: ['in-progress'],
  done: ['pending'],
  skipped: ['pending'],
};

/**
 * The activities of one phase
 * (docs/process.md#planning-and-deployment-activities): add, order, assign and
 * work them.
 */
export const ActivitiesPanel = (props: {
  release: ReleaseDetails;
  phase: ActivityPhase;
  canEdit: boolean;
  onChanged: () => void;
}) => {
  const { release, phase, canEdit, onChanged } = props;
  const releaseApi = useApi(releaseApiRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [noting, setNoting] = useState<{
    activity: ReleaseActivity;
    status: ActivityStatus;
  }>();
  const activities = release.activities.filter(a => a.phase === phase);

  // The add form's title and assignee show their own errors; a refused
  // step, and someone else's change, show above the table.
  const { failure, fieldProps, errorOf, submit, clear } = useSubmission([
    'title',
    'assignee',
  ]);
  const run = async (work: () => Promise<unknown>) => {
    if (await submit(work)) onChanged();
  };

  const step = (
    activity: ReleaseActivity,
    status: ActivityStatus,
    notes?: string,
  ) => {
    if ((status === 'skipped' || status === 'failed') && !notes) {
      setNoting({ activity, status });
      return;
    }
    run(() =>
      releaseApi.updateActivity(release.id, activity.id, {
        status,
        notes,
        expectedVersion: activity.version,
      }),
    );
  };

  const move = (activity: ReleaseActivity, by: number) =>
    run(() =>
      releaseApi.updateActivity(release.id, activity.id, {
        position: activity.position + by,
        expectedVersion: activity.version,
      }),
    );

  const columns: TableColumn<ReleaseActivity>[] = [
    {
      title: '#',
      field: 'position',
      render: activity => activities.indexOf(activity) + 1,
    },
    { title: t('activities.activity'), field: 'title' },
    {
      title: t('activities.assignee'),
      field: 'assignee',
      render: activity => shortRef(activity.assignee ?? activity.group) || '—',
    },
    {
      title: t('activities.due'),
      field: 'dueAt',
      render: activity => labels.dateTime(activity.dueAt),
    },
    {
      title: t('field.status'),
      field: 'status',
      render: activity => labels.activityStatus(activity.status),
    },
    { title: t('activities.notes'), field: 'notes' },
    {
      title: '',
      field: 'id',
      render: activity => {
        const index = activities.indexOf(activity);
        return (
          canEdit && (
            <>
              {(nextSteps[activity.status] ?? []).map(status => (
                <Button
                  key={status}
                  size="small"
                  onClick={() => step(activity, status)}
                >
                  {t(`activities.step.${status}`)}
                </Button>
              ))}
              <IconButton
                size="small"
                aria-label={t('activities.moveUp', { title: activity.title })}
                disabled={index === 0}
                onClick={() => move(activity, -1)}
              >
                <ArrowUpward fontSize="small" />
              </IconButton>
              <IconButton
                size="small"
                aria-label={t('activities.moveDown', { title: activity.title })}
                disabled={index === activities.length - 1}
                onClick={() => move(activity, 1)}
              >
                <ArrowDownward fontSize="small" />
              </IconButton>
            </>
          )
        );
      },
    },
  ];

  return (
    <>
      {failure &&
        (failure.stale ? (
          <StaleVersionAlert
            what="activity"
            onReload={() => {
              clear();
              onChanged();
            }}
          />
        ) : (
          <Alert severity="error">{failure.message}</Alert>
        ))}
      {activities.length === 0 ? (
        <Typography color="textSecondary">
          {phase === 'planning'
            ? t('activities.emptyPlanning')
            : t('activities.emptyDeployment')}
        </Typography>
      ) : (
        <DataTable
          label={
            phase === 'planning'
              ? t('activities.tablePlanning')
              : t('activities.tableDeployment')
          }
          columns={columns}
          data={activities}
          // The phase's order is the order of work: no sorting by column.
          sorting={false}
        />
      )}
      {noting && (
        <NoteDialog
          title={
            noting.status === 'failed'
              ? t('activities.whyFailed', { title: noting.activity.title })
              : t('activities.whySkipped', { title: noting.activity.title })
          }
          onCancel={() => setNoting(undefined)}
          onConfirm={note => {
            setNoting(undefined);
            step(noting.activity, noting.status, note);
          }}
        />
      )}
      {canEdit && (
        <form
          onSubmit={event => {
            event.preventDefault();
            if (!title.trim()) return;
            run(async () => {
              await releaseApi.addActivity(release.id, {
                phase,
                title,
                assignee: assignee ?? undefined,
              });
              setTitle('');
              setAssignee(null);
            });
          }}
          style={{ display: 'flex', gap: 16, alignItems: 'flex-end' }}
        >
          <TextField
            id={`release-new-${phase}-activity`}
            label={
              phase === 'planning'
                ? t('activities.newPlanning')
                : t('activities.newDeployment')
            }
            value={title}
            onChange={e => setTitle(e.target.value)}
            margin="normal"
            {...fieldProps('title')}
            style={{ flex: 2 }}
          />
          <div style={{ flex: 1 }}>
            <EntityPicker
              label={t('activities.assignee')}
              kinds={['User']}
              value={assignee}
              onChange={setAssignee}
              error={errorOf('assignee')}
            />
          </div>
          <Button type="submit" color="primary" variant="outlined">
            {t('activities.add')}
          </Button>
        </form>
      )}
    </>
  );
};
