import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  ApprovalPolicy,
  PortfolioSummary,
} from '@internal/plugin-release-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { SWRConfig } from 'swr';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aDeliveryMetrics } from '../../__testUtils__/deliveryFixtures';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { PortfolioPage } from './PortfolioPage';

const portfolio = {
  id: 'p1',
  name: 'Digital commerce',
  description: 'Storefront and payments',
  icon: null,
  ownerGroup: 'group:default/storefront-team',
  authorizerGroup: 'group:default/release-managers',
  approvalPolicy: null,
  emergencyApprovalPolicy: null,
};

const summary: PortfolioSummary = {
  portfolio,
  from: '2026-08-01T00:00:00.000Z',
  to: '2026-12-31T00:00:00.000Z',
  byStatus: { planning: 2, closed: 3 },
  outcomes: { successful: 2, failed: 1 },
  successRate: 2 / 3,
  leadTimeHours: { average: 72, median: 48, count: 3 },
  roadmap: [aRelease({ status: 'planning' })],
  upcoming: [aRelease({ status: 'planning' })],
  overdueActivities: [
    {
      id: 'a1',
      releaseId: aRelease().id,
      phase: 'planning',
      title: 'Legal review',
      assignee: 'user:default/ana.souza',
      group: null,
      dueAt: '2026-11-01T09:00:00.000Z',
      status: 'pending',
      releaseNumber: 'REL-000042',
      releaseTitle: 'Orders service 2.4',
    },
  ],
};

function renderPage(
  canManage: boolean,
  updateModel = jest.fn().mockResolvedValue({}),
  policies: {
    portfolio?: ApprovalPolicy;
    portfolioEmergency?: ApprovalPolicy;
    model?: ApprovalPolicy;
  } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          releaseApiRef,
          {
            getPortfolio: async () => ({
              ...portfolio,
              approvalPolicy: policies.portfolio ?? null,
              emergencyApprovalPolicy: policies.portfolioEmergency ?? null,
              models: [
                {
                  id: 'm1',
                  portfolioId: 'p1',
                  name: 'Standard service release',
                  description: '',
                  category: 'software',
                  defaultExecutorGroup: null,
                  defaultImpact: null,
                  defaultUrgency: null,
                  lifecycle: 'new' as const,
                  planningTemplates: [{ title: 'Scope' }],
                  deploymentTemplates: [{ title: 'Deploy' }],
                  approvalPolicy: policies.model ?? null,
                  emergencyApprovalPolicy: null,
                  readiness: [],
                  minimumLeadTimeHours: null,
                },
              ],
            }),
            getPortfolioSummary: async () => summary,
            getDeliveryMetrics: async () => aDeliveryMetrics(),
            updateModel,
          },
        ],
        [
          permissionApiRef,
          new MockPermissionApi(() =>
            canManage ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          ),
        ],
      ]}
    >
      <SWRConfig value={{ provider: () => new Map() }}>
        <Routes>
          <Route path="/release/portfolios/:id" element={<PortfolioPage />} />
        </Routes>
      </SWRConfig>
    </TestApiProvider>,
    {
      routeEntries: ['/release/portfolios/p1'],
      mountedRoutes: { '/release': rootRouteRef },
    },
  );
}

describe('PortfolioPage', () => {
  it('shows the success rate, lead time, roadmap and overdue activities of the period', async () => {
    await renderPage(false);
    expect(await screen.findByText('Success rate: 67%')).toBeInTheDocument();
    expect(
      screen.getByText(/average 3.0 days, median 2.0 days \(3 releases\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Roadmap' })).toHaveTextContent(
      'REL-000042',
    );
    expect(
      screen.getByRole('table', { name: 'Overdue activities' }),
    ).toHaveTextContent('Legal review');
    expect(
      screen.queryByRole('button', { name: 'Activate' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New model' })).toBeDisabled();
  });

  it("shows the portfolio's delivery figures with their levels", async () => {
    await renderPage(false);
    const failureRate = await screen.findByRole('group', {
      name: 'Change failure rate',
    });
    expect(failureRate).toHaveTextContent('15%');
    expect(failureRate).toHaveTextContent('Low');
  });

  it('lets a portfolio manager activate a new model', async () => {
    const updateModel = jest.fn().mockResolvedValue({});
    await renderPage(true, updateModel);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Activate' }),
    );
    expect(updateModel).toHaveBeenCalledWith('p1', 'm1', {
      lifecycle: 'active',
    });
  });

  it("tells the portfolio's and each model's approval policy in words", async () => {
    const cab: ApprovalPolicy = {
      steps: [
        {
          name: 'CAB',
          approvers: [{ kind: 'group', group: 'group:default/cab' }],
          quorum: 2,
          condition: { kind: 'risk-at-least', level: 'high' },
        },
        {
          name: 'Owners',
          approvers: [
            {
              kind: 'impacted-owners',
              entityKinds: ['system'],
              maxDistance: 2,
            },
            {
              kind: 'impacted-owners',
              entityKinds: ['component', 'api'],
              maxDistance: 1,
            },
          ],
          quorum: 'all',
          condition: { kind: 'always' },
        },
      ],
    };
    const requesterOnly: ApprovalPolicy = {
      steps: [
        {
          name: 'Sign-off',
          approvers: [
            { kind: 'requester' },
            { kind: 'group', group: 'group:default/release-managers' },
          ],
          quorum: 1,
          condition: { kind: 'type-is', types: ['major', 'emergency'] },
        },
      ],
    };
    await renderPage(false, undefined, {
      portfolio: cab,
      model: requesterOnly,
    });

    expect(
      await screen.findByText(
        'Approval policy: 1. CAB — 2 of group:default/cab, when risk is high or more; ' +
          '2. Owners — all of the owners of impacted systems (≤ 2 hops) ' +
          'or the owners of impacted components and APIs (≤ 1 hop)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Emergency approval policy: the approval policy applies',
      ),
    ).toBeInTheDocument();
    const models = screen.getByRole('table', { name: 'Release models' });
    const row = within(models)
      .getByText('Standard service release')
      .closest('tr')!;
    expect(row).toHaveTextContent(
      'Approval policy: 1. Sign-off — 1 of the requester or group:default/release-managers, ' +
        'when the type is major or emergency',
    );
    expect(row).toHaveTextContent("Emergency approval policy: the portfolio's");
  });

  it('says when the portfolio has no approval steps', async () => {
    await renderPage(false);
    expect(
      await screen.findByText(
        'Approval policy: none, the authorizer group authorizes in one action',
      ),
    ).toBeInTheDocument();
  });
});
