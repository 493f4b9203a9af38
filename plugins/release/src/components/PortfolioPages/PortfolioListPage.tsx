import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { releasePortfolioManagePermission } from '@internal/plugin-release-common';
import { useState } from 'react';
import { usePortfolios } from '../../hooks/usePortfolios';
import { portfolioRouteRef } from '../../routes';
import { shortRef } from '../labels';
import { PortfolioDialog } from './PortfolioDialog';

/** Release portfolios (spec §9). */
export const PortfolioListPage = () => {
  const portfolioLink = useRouteRef(portfolioRouteRef);
  const canManage = usePermission({
    permission: releasePortfolioManagePermission,
  });
  const portfolios = usePortfolios();
  const [creating, setCreating] = useState(false);

  return (
    <Page themeId="tool">
      <Header
        title="Release portfolios"
        subtitle="Releases grouped per product line or platform"
      />
      <Content>
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
            <Table size="small" aria-label="Portfolios">
              <TableHead>
                <TableRow>
                  <TableCell>Name</TableCell>
                  <TableCell>Description</TableCell>
                  <TableCell>Owner group</TableCell>
                  <TableCell>Authorizer group</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {portfolios.value.map(portfolio => (
                  <TableRow key={portfolio.id}>
                    <TableCell>
                      <Link to={portfolioLink({ id: portfolio.id })}>
                        {portfolio.name}
                      </Link>
                    </TableCell>
                    <TableCell>{portfolio.description}</TableCell>
                    <TableCell>{shortRef(portfolio.ownerGroup)}</TableCell>
                    <TableCell>{shortRef(portfolio.authorizerGroup)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
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
      </Content>
    </Page>
  );
};
