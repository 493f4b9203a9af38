import {
  ContentHeader,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  TableColumn,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import {
  Portfolio,
  releasePortfolioManagePermission,
} from '@internal/plugin-release-common';
import { useState } from 'react';
import { usePortfolios } from '../../hooks/usePortfolios';
import { portfolioRouteRef } from '../../routes';
import { useReleaseLabels } from '../labels';
import { DataTable, refColumn } from '../tables';
import { PortfolioDialog } from './PortfolioDialog';

/**
 * Release portfolios (docs/process.md#portfolios-and-release-models); without
 * a page header, which the page around it draws.
 */
export const PortfolioListContent = () => {
  const portfolioLink = useRouteRef(portfolioRouteRef);
  const canManage = usePermission({
    permission: releasePortfolioManagePermission,
  });
  const portfolios = usePortfolios();
  const { t } = useReleaseLabels();
  const [creating, setCreating] = useState(false);

  const columns: TableColumn<Portfolio>[] = [
    {
      title: t('portfolios.name'),
      field: 'name',
      render: portfolio => (
        <Link to={portfolioLink({ id: portfolio.id })}>{portfolio.name}</Link>
      ),
    },
    { title: t('portfolios.description'), field: 'description' },
    refColumn(t('portfolios.ownerGroup'), 'ownerGroup'),
    refColumn(t('portfolios.authorizerGroup'), 'authorizerGroup'),
  ];

  return (
    <>
      <ContentHeader title={t('portfolios.title')}>
        <Button
          variant="contained"
          color="primary"
          disabled={!canManage.allowed}
          title={canManage.allowed ? undefined : t('portfolios.mayNotManage')}
          onClick={() => setCreating(true)}
        >
          {t('portfolios.new')}
        </Button>
      </ContentHeader>
      {portfolios.error && <ResponseErrorPanel error={portfolios.error} />}
      {portfolios.loading && !portfolios.value && <Progress />}
      {portfolios.value?.length === 0 && (
        <EmptyState
          missing="data"
          title={t('portfolios.emptyTitle')}
          description={t('portfolios.emptyDescription')}
        />
      )}
      {!!portfolios.value?.length && (
        <InfoCard noPadding>
          <DataTable
            label={t('portfolios.title')}
            columns={columns}
            data={portfolios.value}
          />
        </InfoCard>
      )}
      {creating && (
        <PortfolioDialog
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            portfolios.retry();
          }}
        />
      )}
    </>
  );
};
