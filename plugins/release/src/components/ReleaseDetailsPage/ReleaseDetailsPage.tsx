import {
  Content,
  Header,
  HeaderLabel,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRefParams } from '@backstage/core-plugin-api';
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
import { useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../../api';
import { useJustifications } from '../../hooks/useJustifications';
import { useReleaseChanges } from '../../hooks/useReleaseChanges';
import { releaseRouteRef } from '../../routes';
import { actionLabels, priorityLabels, statusLabels } from '../labels';
import { TransitionDialog } from '../TransitionDialog';
import { ActivitiesPanel } from './ActivitiesPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { EditReleaseDialog } from './EditReleaseDialog';
import { HistoryTimeline } from './HistoryTimeline';
import { ImpactPanel } from './ImpactPanel';
import { OverviewPanel } from './OverviewPanel';
import { RelationsPanel } from './RelationsPanel';

const tabs = [
  'Overview',
  'Planning',
  'Deployment',
  'Relations',
  'Impact',
  'Conflicts',
  'History',
];

/** One release: its record, phases, relations and history, and its actions. */
export const ReleaseDetailsPage = () => {
  const { id } = useRouteRefParams(releaseRouteRef);
  const releaseApi = useApi(releaseApiRef);
  const [tab, setTab] = useState(0);
  const [action, setAction] = useState<ReleaseAction>();
  const [editing, setEditing] = useState(false);
  const justifications = useJustifications();
  const release = useAsyncRetry(
    () => releaseApi.getRelease(id),
    [releaseApi, id],
  );
  // What was shown last: a refresh that fails keeps it, and the dialog on it.
  const shown = useRef<ReleaseDetails>();
  if (release.value) shown.current = release.value;
  const loaded =
    release.value ?? (shown.current?.id === id ? shown.current : undefined);
  // Someone else changed it: the history follows the new `updatedAt`.
  useReleaseChanges(release.retry, change => change.releaseId === loaded?.id);
  const history = useAsyncRetry(
    () => releaseApi.getHistory(id),
    [releaseApi, id, loaded?.updatedAt],
  );
  const portfolio = useAsync(
    async () =>
      loaded?.portfolioId
        ? releaseApi.getPortfolio(loaded.portfolioId)
        : undefined,
    [releaseApi, loaded?.portfolioId],
  );
  const canUpdate = usePermission({
    permission: releaseUpdatePermission,
    resourceRef: id,
  });

  if (release.error && !loaded) {
    return (
      <Page themeId="tool">
        <Header title="Release" />
        <Content>
          <ResponseErrorPanel error={release.error} />
        </Content>
      </Page>
    );
  }
  if (!loaded) {
    return <Progress />;
  }
  const current = loaded;
  const canEdit = canUpdate.allowed && isOpen(current.status);
  const refresh = () => {
    release.retry();
    history.retry();
  };

  return (
    <Page themeId="tool">
      <Header title={`${current.number} · ${current.title}`} subtitle="Release">
        <HeaderLabel label="Status" value={statusLabels[current.status]} />
        <HeaderLabel
          label="Priority"
          value={priorityLabels[current.priority]}
        />
        <HeaderLabel label="Type" value={current.type} />
      </Header>
      <Content>
        {release.error && (
          <Alert severity="warning" style={{ marginBottom: 16 }}>
            Could not refresh the release, so it shows as it was:{' '}
            {release.error.message}
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
              {actionLabels[allowed]}
            </Button>
          ))}
          <Button
            variant="outlined"
            disabled={!canEdit}
            title={canEdit ? undefined : 'Only open releases you may edit'}
            onClick={() => setEditing(true)}
          >
            Edit
          </Button>
        </Box>
        <Tabs
          value={tab}
          onChange={(_, value) => setTab(value)}
          indicatorColor="primary"
        >
          {tabs.map(label => (
            <Tab key={label} label={label} />
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
      </Content>
    </Page>
  );
};
