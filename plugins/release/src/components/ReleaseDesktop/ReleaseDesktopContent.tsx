import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import {
  releaseCreatePermission,
  ReleaseAction,
  ReleaseListItem,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { usePortfolios } from '../../hooks/usePortfolios';
import { releaseApiRef } from '../../api';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { useDesktopFilters } from '../../hooks/useDesktopFilters';
import { useReleaseChanges } from '../../hooks/useReleaseChanges';
import {
  calendarRouteRef,
  closedSearchRouteRef,
  deliveryRouteRef,
  justificationsRouteRef,
  portfoliosRouteRef,
  releaseRouteRef,
} from '../../routes';
import { useReleaseLabels } from '../labels';
import { RegisterReleaseDialog } from '../RegisterReleaseDialog';
import { TransitionDialog } from '../TransitionDialog';
import { DesktopCharts } from './DesktopCharts';
import { DesktopFiltersBar } from './DesktopFiltersBar';
import { ReleaseTable } from './ReleaseTable';

/**
 * The release desktop (docs/process.md#the-desktop): the daily page of active
 * releases; without a page header, which the page around it draws. A page
 * with its own tabs to the other release pages hides the buttons to them
 * (`withPageLinks={false}`).
 */
export const ReleaseDesktopContent = ({
  withPageLinks = true,
}: {
  withPageLinks?: boolean;
}) => {
  const labels = useReleaseLabels();
  const { t } = labels;
  const releaseApi = useApi(releaseApiRef);
  const navigate = useNavigate();
  const releaseLink = useRouteRef(releaseRouteRef);
  const searchLink = useRouteRef(closedSearchRouteRef);
  const portfoliosLink = useRouteRef(portfoliosRouteRef);
  const calendarLink = useRouteRef(calendarRouteRef);
  const deliveryLink = useRouteRef(deliveryRouteRef);
  const justificationsLink = useRouteRef(justificationsRouteRef);
  const { filters, update } = useDesktopFilters();
  const { userRef, groupRefs } = useCurrentUser();
  const canRegister = usePermission({ permission: releaseCreatePermission });
  const [registering, setRegistering] = useState(false);
  const [acting, setActing] = useState<{
    release: ReleaseListItem;
    action: ReleaseAction;
  }>();

  const portfolios = usePortfolios();
  const waitingForIdentity = filters.mine !== '' && !userRef;
  const filterQuery = waitingForIdentity
    ? undefined
    : {
        status: filters.status,
        q: filters.q,
        type: filters.type,
        priority: filters.priority,
        portfolioId: filters.portfolioId,
        assignedTo: filters.mine === 'assigned' ? userRef : undefined,
        executorGroup: filters.mine === 'groups' ? groupRefs : undefined,
        awaitingApprovalBy: filters.awaitingApprovalBy || undefined,
      };
  const list = useAsyncRetry(async () => {
    if (!filterQuery) return undefined;
    return releaseApi.listReleases({
      ...filterQuery,
      orderBy: filters.orderBy,
      order: filters.order,
      limit: filters.pageSize,
      offset: filters.page * filters.pageSize,
    });
  }, [releaseApi, filters, userRef, groupRefs.join(','), waitingForIdentity]);
  const breakdown = useAsyncRetry(async () => {
    if (!filterQuery) return undefined;
    return releaseApi.getBreakdown(filterQuery);
  }, [
    releaseApi,
    JSON.stringify(filterQuery),
    // Acting on a row changes the figures too.
    JSON.stringify(list.value?.countsByStatus),
  ]);
  // Async, so that a count that fails, or an API without one, is caught
  // and the chip goes without its number.
  const awaitingMyApproval = useAsyncRetry(
    async () => releaseApi.countAwaitingMyApproval(),
    [
      releaseApi,
      // A decision taken from the page moves a release out of the count.
      JSON.stringify(list.value?.countsByStatus),
    ],
  );
  // Any release may enter, leave or move on the page and in the figures.
  useReleaseChanges(() => {
    list.retry();
    breakdown.retry();
    awaitingMyApproval.retry();
  });

  const portfolioNames = Object.fromEntries(
    (portfolios.value ?? []).map(p => [p.id, p.name]),
  );

  return (
    <>
      <ContentHeader title={t('desktop.title')}>
        {withPageLinks && (
          <>
            <Button onClick={() => navigate(portfoliosLink())}>
              {t('desktop.portfolios')}
            </Button>
            <Button onClick={() => navigate(calendarLink())}>
              {t('desktop.calendar')}
            </Button>
            <Button onClick={() => navigate(deliveryLink())}>
              {t('delivery.pageLink')}
            </Button>
            <Button onClick={() => navigate(searchLink())}>
              {t('desktop.closedReleases')}
            </Button>
            <Button onClick={() => navigate(justificationsLink())}>
              {t('desktop.justifications')}
            </Button>
          </>
        )}
        <Button
          variant="contained"
          color="primary"
          disabled={!canRegister.allowed}
          title={canRegister.allowed ? undefined : t('desktop.mayNotRegister')}
          onClick={() => setRegistering(true)}
        >
          {t('desktop.register')}
        </Button>
        <SupportButton>{t('desktop.support')}</SupportButton>
      </ContentHeader>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <DesktopFiltersBar
            filters={filters}
            counts={list.value?.countsByStatus ?? {}}
            awaitingMyApproval={awaitingMyApproval.value}
            portfolios={portfolios.value ?? []}
            onChange={update}
          />
        </Grid>
        {breakdown.value && (
          <Grid item xs={12}>
            <DesktopCharts breakdown={breakdown.value} />
          </Grid>
        )}
        <Grid item xs={12}>
          {list.error && <ResponseErrorPanel error={list.error} />}
          {!list.error && list.loading && !list.value && <Progress />}
          {list.value && list.value.totalCount === 0 && (
            <EmptyState
              missing="data"
              title={t('desktop.emptyTitle')}
              description={t('desktop.emptyDescription')}
            />
          )}
          {list.value && list.value.totalCount > 0 && (
            <InfoCard
              title={t('desktop.releasesCount', {
                total: labels.number(list.value.totalCount),
              })}
              noPadding
            >
              <ReleaseTable
                items={list.value.items}
                totalCount={list.value.totalCount}
                filters={filters}
                onChange={update}
                onAction={(release, action) => setActing({ release, action })}
                portfolioNames={portfolioNames}
              />
            </InfoCard>
          )}
        </Grid>
      </Grid>
      {registering && (
        <RegisterReleaseDialog
          onClose={() => setRegistering(false)}
          onRegistered={release => navigate(releaseLink({ id: release.id }))}
        />
      )}
      {acting && (
        <TransitionDialog
          release={acting.release}
          action={acting.action}
          onClose={() => setActing(undefined)}
          onDone={() => {
            setActing(undefined);
            list.retry();
          }}
          onReload={() => {
            setActing(undefined);
            list.retry();
          }}
        />
      )}
    </>
  );
};
