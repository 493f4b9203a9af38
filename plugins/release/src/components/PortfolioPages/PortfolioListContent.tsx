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
  const [creating, setCreating] = useState(false);

  const columns: TableColumn<Portfolio>[] = [
    {
      title: 'Name',
      field: 'name',
      render: portfolio => (
        <Link to={portfolioLink({ id: portfolio.id })}>{portfolio.name}</Link>
      ),
    },
    { title: 'Description', field: 'description' },
    refColumn('Owner group', 'ownerGroup'),
    refColumn('Authorizer group', 'authorizerGroup'),
  ];

  return (
    <>
      <ContentHeader title="Portfolios">
        <Button
          variant="contained"
          color="primary"
          disabled={!canManage.allowed}
          title={
            canManage.allowed ? undefined : 'You may not manage portfolios'
          }
          onClick={() => setCreating(true)}
        >
          New portfolio
        </Button>
      </ContentHeader>
      {portfolios.error && <ResponseErrorPanel error={portfolios.error} />}
      {portfolios.loading && !portfolios.value && <Progress />}
      {portfolios.value?.length === 0 && (
        <EmptyState
          missing="data"
          title="No portfolios yet"
          description="Create one to group releases and their models."
        />
      )}
      {!!portfolios.value?.length && (
        <InfoCard noPadding>
          <DataTable
            label="Portfolios"
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
