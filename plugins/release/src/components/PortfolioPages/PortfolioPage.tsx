import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  OverdueActivity,
  Release,
  ReleaseModel,
  releasePortfolioManagePermission,
} from '@internal/plugin-release-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { releaseApiRef } from '../../api';
import { portfolioRouteRef, releaseRouteRef } from '../../routes';
import { shortRef, useReleaseLabels } from '../labels';
import { DeliverySection } from '../DeliveryFigures';
import { SelectField } from '../forms';
import { DataTable, refColumn, useReleaseColumns } from '../tables';
import { ModelApprovals, PortfolioApprovalsCard } from './ApprovalPolicies';
import { ModelDialog } from './ModelDialog';
import { PortfolioDialog } from './PortfolioDialog';
import { Roadmap } from './Roadmap';
import { SummaryCharts } from './SummaryCharts';

const DAY = 24 * 3600 * 1000;
const periods = [
  ['30', 'period30', 30, 30],
  ['90', 'period90', 90, 30],
  ['365', 'period365', 365, 90],
] as const;

/**
 * A portfolio (docs/process.md#portfolios-and-release-models): its figures
 * for a period and its models. Its name and description head the page: in
 * the legacy page's own header, or in the title row of the content under
 * the app's page header.
 */
const PortfolioView = (props: { ownPageHeader: boolean }) => {
  const { id } = useRouteRefParams(portfolioRouteRef);
  const releaseApi = useApi(releaseApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const column = useReleaseColumns();
  const labels = useReleaseLabels();
  const { t } = labels;
  const canManage = usePermission({
    permission: releasePortfolioManagePermission,
  });
  const [period, setPeriod] = useState('90');
  const [editing, setEditing] = useState(false);
  const [modelDialog, setModelDialog] = useState<{ model?: ReleaseModel }>();
  const range = useMemo(() => {
    const [, , back, ahead] = periods.find(p => p[0] === period)!;
    const now = Date.now();
    return {
      from: new Date(now - back * DAY).toISOString(),
      to: new Date(now + ahead * DAY).toISOString(),
    };
  }, [period]);
  const portfolio = useAsyncRetry(
    () => releaseApi.getPortfolio(id),
    [releaseApi, id],
  );
  const summary = useAsyncRetry(
    () => releaseApi.getPortfolioSummary(id, range),
    [releaseApi, id, range],
  );

  if (portfolio.error) {
    return <ResponseErrorPanel error={portfolio.error} />;
  }
  if (!portfolio.value) {
    return <Progress />;
  }

  const moveModel = async (
    model: ReleaseModel,
    lifecycle: 'active' | 'retired',
  ) => {
    await releaseApi.updateModel(id, model.id, { lifecycle });
    portfolio.retry();
  };

  const upcomingColumns: TableColumn<Release>[] = [
    column.number(t('entityTab.release')),
    { title: t('field.title'), field: 'title' },
    column.window(),
  ];
  const overdueColumns: TableColumn<OverdueActivity>[] = [
    {
      title: t('entityTab.release'),
      field: 'releaseNumber',
      render: activity => (
        <Link to={releaseLink({ id: activity.releaseId })}>
          {activity.releaseNumber}
        </Link>
      ),
    },
    { title: t('activities.activity'), field: 'title' },
    {
      title: t('activities.assignee'),
      field: 'assignee',
      render: activity => shortRef(activity.assignee ?? activity.group),
    },
    {
      title: t('activities.due'),
      field: 'dueAt',
      render: activity =>
        t('portfolios.due', { date: labels.dateTime(activity.dueAt) }),
    },
  ];
  const modelColumns: TableColumn<ReleaseModel>[] = [
    { title: t('portfolios.name'), field: 'name' },
    { title: t('portfolios.category'), field: 'category' },
    {
      title: t('portfolios.lifecycle'),
      field: 'lifecycle',
      render: model => t(`modelLifecycle.${model.lifecycle}`),
    },
    refColumn(t('field.executorGroup'), 'defaultExecutorGroup'),
    {
      title: t('portfolios.activities'),
      field: 'planningTemplates',
      sorting: false,
      render: model =>
        t('portfolios.activityCounts', {
          planning: labels.number(model.planningTemplates.length),
          deployment: labels.number(model.deploymentTemplates.length),
        }),
    },
    {
      title: t('approvalPolicy.card'),
      field: 'approvalPolicy',
      sorting: false,
      render: model => <ModelApprovals model={model} />,
    },
    {
      title: '',
      field: 'id',
      sorting: false,
      render: model =>
        canManage.allowed && (
          <>
            <Button size="small" onClick={() => setModelDialog({ model })}>
              {t('portfolios.edit_model')}
            </Button>
            {model.lifecycle === 'new' && (
              <Button size="small" onClick={() => moveModel(model, 'active')}>
                {t('portfolios.activate')}
              </Button>
            )}
            {model.lifecycle === 'active' && (
              <Button size="small" onClick={() => moveModel(model, 'retired')}>
                {t('portfolios.retire')}
              </Button>
            )}
          </>
        ),
    },
  ];

  const subtitle =
    portfolio.value.description || t('portfolios.fallbackSubtitle');
  const content = (
    <>
      <ContentHeader
        title={
          props.ownPageHeader ? t('portfolios.portfolio') : portfolio.value.name
        }
        description={props.ownPageHeader ? undefined : subtitle}
      >
        <SelectField
          id="release-portfolio-period"
          size="small"
          variant="outlined"
          label={t('portfolios.period')}
          value={period}
          onChange={setPeriod}
          options={periods.map(([value, key]) => [
            value,
            t(`portfolios.${key}`),
          ])}
        />
        <Button disabled={!canManage.allowed} onClick={() => setEditing(true)}>
          {t('portfolios.edit')}
        </Button>
      </ContentHeader>
      {summary.error && <ResponseErrorPanel error={summary.error} />}
      {summary.loading && !summary.value && <Progress />}
      {summary.value && (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <SummaryCharts summary={summary.value} />
          </Grid>
          <Grid item xs={12}>
            <InfoCard title={t('portfolios.roadmap')}>
              <Roadmap
                releases={summary.value.roadmap}
                from={summary.value.from}
                to={summary.value.to}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title={t('portfolios.upcoming')} noPadding>
              <DataTable
                label={t('portfolios.upcoming')}
                columns={upcomingColumns}
                data={summary.value.upcoming}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title={t('portfolios.overdue')} noPadding>
              <DataTable
                label={t('portfolios.overdue')}
                columns={overdueColumns}
                data={summary.value.overdueActivities}
              />
            </InfoCard>
          </Grid>
        </Grid>
      )}
      <Box my={3}>
        <DeliverySection portfolioId={id} />
      </Box>
      <Box my={3}>
        <PortfolioApprovalsCard portfolio={portfolio.value} />
      </Box>
      <InfoCard
        title={t('portfolios.models')}
        action={
          <Button
            color="primary"
            disabled={!canManage.allowed}
            onClick={() => setModelDialog({})}
          >
            {t('portfolios.newModel')}
          </Button>
        }
        noPadding
      >
        <DataTable
          label={t('portfolios.models')}
          columns={modelColumns}
          data={portfolio.value.models}
        />
      </InfoCard>
      {editing && (
        <PortfolioDialog
          portfolio={portfolio.value}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            portfolio.retry();
          }}
        />
      )}
      {modelDialog && (
        <ModelDialog
          portfolioId={id}
          model={modelDialog.model}
          onClose={() => setModelDialog(undefined)}
          onSaved={() => {
            setModelDialog(undefined);
            portfolio.retry();
          }}
        />
      )}
    </>
  );
  if (!props.ownPageHeader) {
    return content;
  }
  return (
    <Page themeId="tool">
      <Header title={portfolio.value.name} subtitle={subtitle} />
      <Content>{content}</Content>
    </Page>
  );
};

/** A portfolio with its page header, for the legacy frontend system. */
export const PortfolioPage = () => <PortfolioView ownPageHeader />;

/** A portfolio without a page header, which the page around it draws. */
export const PortfolioContent = () => <PortfolioView ownPageHeader={false} />;
