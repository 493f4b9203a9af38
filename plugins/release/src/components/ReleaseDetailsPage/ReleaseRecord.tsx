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
import { ApprovalsPanel } from './ApprovalsPanel';
import {
  showsApprovalRound,
  showsReadiness,
  stepToDecide,
} from './approvalVisibility';
import { ConflictsPanel } from './ConflictsPanel';
import { EditReleaseDialog } from './EditReleaseDialog';
import { HistoryTimeline } from './HistoryTimeline';
import { ImpactPanel } from './ImpactPanel';
import { OverviewPanel } from './OverviewPanel';
import { RelationsPanel } from './RelationsPanel';
import { RiskPanel } from './RiskPanel';

/** The record's tabs by their translation keys. */
const tabLabels = {
  overview: 'tabOverview',
  planning: 'tabPlanning',
  deployment: 'tabDeployment',
  relations: 'tabRelations',
  impact: 'tabImpact',
  conflicts: 'tabConflicts',
  history: 'tabHistory',
} as const;

type TabKey =
  | 'overview'
  | 'approval'
  | 'risk'
  | 'planning'
  | 'deployment'
  | 'relations'
  | 'impact'
  | 'conflicts'
  | 'history';

/** The tabs this release has: approval only when there is any to show. */
function tabsOf(release: ReleaseDetails): TabKey[] {
  const approval =
    showsApprovalRound(release.approvals) || showsReadiness(release);
  return [
    'overview',
    ...(approval ? (['approval'] as const) : []),
    ...(release.riskAssessment ? (['risk'] as const) : []),
    'planning',
    'deployment',
    'relations',
    'impact',
    'conflicts',
    'history',
  ];
}

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
  const [chosenTab, setTab] = useState<TabKey>('overview');
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
  const tabs = tabsOf(current);
  // A tab the release no longer has (its round was hidden) falls back.
  const tab = tabs.includes(chosenTab) ? chosenTab : 'overview';
  const tabLabel = (key: TabKey) => {
    if (key === 'approval') return t('approvals.tab');
    if (key === 'risk') return t('risk.tab');
    return t(`record.${tabLabels[key]}`);
  };
  const panelId = `release-${current.id}-tabpanel`;
  const tabId = (key: TabKey) => `release-${current.id}-tab-${key}`;
  const stepForMe = stepToDecide(current.approvals);
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
      {stepForMe && tab !== 'approval' && (
        <Alert
          severity="info"
          style={{ marginBottom: 16 }}
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => setTab('approval')}
            >
              {t('approvals.open')}
            </Button>
          }
        >
          {t('approvals.yourTurn', {
            position: String(stepForMe.position),
            name: stepForMe.name,
          })}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(_, value) => setTab(value)}
        indicatorColor="primary"
        variant="scrollable"
      >
        {tabs.map(key => (
          <Tab
            key={key}
            value={key}
            label={tabLabel(key)}
            id={tabId(key)}
            aria-controls={panelId}
          />
        ))}
      </Tabs>
      {/* The selected tab names the panel, so assistive technology (and a
          journey) finds "the Approval panel" rather than the whole page. */}
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(tab)}>
        <InfoCard>
          {tab === 'overview' && (
            <OverviewPanel
              release={current}
              portfolioName={portfolio.value?.name}
            />
          )}
          {tab === 'approval' && (
            <ApprovalsPanel
              release={current}
              onDecided={refresh}
              onReload={refresh}
            />
          )}
          {tab === 'risk' && (
            <RiskPanel
              release={current}
              canEdit={canEdit}
              onSaved={refresh}
              onReload={refresh}
            />
          )}
          {tab === 'planning' && (
            <ActivitiesPanel
              release={current}
              phase="planning"
              canEdit={canEdit}
              onChanged={refresh}
            />
          )}
          {tab === 'deployment' && (
            <ActivitiesPanel
              release={current}
              phase="deployment"
              canEdit={canEdit}
              onChanged={refresh}
            />
          )}
          {tab === 'relations' && (
            <RelationsPanel
              release={current}
              canEdit={canEdit}
              onChanged={refresh}
            />
          )}
          {tab === 'impact' && <ImpactPanel release={current} />}
          {tab === 'conflicts' && <ConflictsPanel release={current} />}
          {tab === 'history' && (
            <HistoryTimeline
              entries={history.value ?? []}
              justifications={justifications.value ?? []}
            />
          )}
        </InfoCard>
      </div>
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
