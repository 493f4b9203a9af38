import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Alert from '@material-ui/lab/Alert';
import {
  isOpen,
  ReleaseAction,
  ReleaseDetails,
  releaseUpdatePermission,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../../api';
import { useJustifications } from '../../hooks/useJustifications';
import { useReleaseLabels } from '../labels';
import { TransitionDialog } from '../TransitionDialog';
import { ActivitiesPanel } from './ActivitiesPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { EditReleaseDialog } from './EditReleaseDialog';
import { HistoryTimeline } from './HistoryTimeline';
import { ImpactPanel } from './ImpactPanel';
import { OverviewPanel } from './OverviewPanel';
import { RelationsPanel } from './RelationsPanel';

const tabs = [
  'tabOverview',
  'tabPlanning',
  'tabDeployment',
  'tabRelations',
  'tabImpact',
  'tabConflicts',
  'tabHistory',
] as const;

/**
 * A loaded release: its actions, its record, phases, relations and history in
 * tabs, and the dialogs behind the actions. Without a page header, which the
 * page around it draws.
 */
export const ReleaseRecord = (props: {
  release: ReleaseDetails;
  /** Why the last refresh failed, while the release shows as it was. */
  refreshError?: Error;
  /** Fetches the release again. */
  onReload: () => void;
}) => {
  const { release: current, refreshError, onReload } = props;
  const releaseApi = useApi(releaseApiRef);
  const labels = useReleaseLabels();
  const { t } = labels;
  const [tab, setTab] = useState(0);
  const [action, setAction] = useState<ReleaseAction>();
  const [editing, setEditing] = useState(false);
  const justifications = useJustifications();
  // Someone else's change moves `updatedAt`: the history follows it.
  const history = useAsyncRetry(
    () => releaseApi.getHistory(current.id),
    [releaseApi, current.id, current.updatedAt],
  );
  const portfolio = useAsync(
    async () =>
      current.portfolioId
        ? releaseApi.getPortfolio(current.portfolioId)
        : undefined,
    [releaseApi, current.portfolioId],
  );
  const canUpdate = usePermission({
    permission: releaseUpdatePermission,
    resourceRef: current.id,
  });

  const canEdit = canUpdate.allowed && isOpen(current.status);
  const refresh = () => {
    onReload();
    history.retry();
  };

  return (
    <>
      {refreshError && (
        <Alert severity="warning" style={{ marginBottom: 16 }}>
          {t('record.refreshFailed', { message: refreshError.message })}
        </Alert>
      )}
      <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 8 }}>
        {current.allowedActions.map(allowed => (
          <Button
            key={allowed}
            variant="contained"
            color="primary"
            onClick={() => setAction(allowed)}
          >
            {labels.action(allowed)}
          </Button>
        ))}
        <Button
          variant="outlined"
          disabled={!canEdit}
          title={canEdit ? undefined : t('record.onlyOpenEditable')}
          onClick={() => setEditing(true)}
        >
          {t('record.edit')}
        </Button>
      </Box>
      <Tabs
        value={tab}
        onChange={(_, value) => setTab(value)}
        indicatorColor="primary"
      >
        {tabs.map(key => (
          <Tab key={key} label={t(`record.${key}`)} />
        ))}
      </Tabs>
      <InfoCard>
        {tab === 0 && (
          <OverviewPanel
            release={current}
            portfolioName={portfolio.value?.name}
          />
        )}
        {tab === 1 && (
          <ActivitiesPanel
            release={current}
            phase="planning"
            canEdit={canEdit}
            onChanged={refresh}
          />
        )}
        {tab === 2 && (
          <ActivitiesPanel
            release={current}
            phase="deployment"
            canEdit={canEdit}
            onChanged={refresh}
          />
        )}
        {tab === 3 && (
          <RelationsPanel
            release={current}
            canEdit={canEdit}
            onChanged={refresh}
          />
        )}
        {tab === 4 && <ImpactPanel release={current} />}
        {tab === 5 && <ConflictsPanel release={current} />}
        {tab === 6 && (
          <HistoryTimeline
            entries={history.value ?? []}
            justifications={justifications.value ?? []}
          />
        )}
      </InfoCard>
      {action && (
        <TransitionDialog
          release={current}
          action={action}
          onClose={() => setAction(undefined)}
          onDone={() => {
            setAction(undefined);
            refresh();
          }}
          onReload={refresh}
        />
      )}
      {editing && (
        <EditReleaseDialog
          release={current}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            refresh();
          }}
          onReload={refresh}
        />
      )}
    </>
  );
};
