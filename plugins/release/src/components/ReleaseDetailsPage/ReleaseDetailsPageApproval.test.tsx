import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseApi } from '../../api';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { Route, Routes } from 'react-router-dom';
import {
  anApprovalRound,
  aRiskAssessment,
} from '../../__testUtils__/approvalFixtures';
import { aRelease, historyEntry } from '../../__testUtils__/releaseFixtures';
import {
  mountedRoutes,
  withReleaseApis,
} from '../../__testUtils__/renderWithApis';
import { ReleaseDetailsPage } from './ReleaseDetailsPage';

const awaiting = aRelease({
  status: 'awaiting-approval',
  allowedActions: ['suspend', 'cancel'],
  backoutPlan: 'Redeploy 2.3.9',
  testEvidenceUrl: 'https://ci.example.com/run/812',
  approvals: anApprovalRound(),
  readiness: [
    { item: 'deployment-activities', present: true },
    { item: 'backout-plan', present: true },
  ],
  riskAssessment: aRiskAssessment(),
});

function renderPage(api: Partial<ReleaseApi>) {
  return renderInTestApp(
    withReleaseApis(
      <Routes>
        <Route path="/release/releases/:id" element={<ReleaseDetailsPage />} />
      </Routes>,
      {
        getHistory: async () => [],
        listJustifications: async () => [],
        ...api,
      },
    ),
    { routeEntries: [`/release/releases/${awaiting.id}`], mountedRoutes },
  );
}

describe('ReleaseDetailsPage: approval, readiness and risk', () => {
  it('leads an approver to the step, and shows the release authorized once they approve', async () => {
    const authorized: ReleaseDetails = {
      ...awaiting,
      status: 'authorized',
      version: 6,
      allowedActions: ['deploy', 'replan', 'suspend', 'cancel'],
      approvals: anApprovalRound({
        status: 'approved',
        currentStep: null,
        mayDecide: false,
      }),
    };
    const getRelease = jest
      .fn()
      .mockResolvedValueOnce(awaiting)
      .mockResolvedValue(authorized);
    const decideApproval = jest.fn().mockResolvedValue(authorized);
    await renderPage({ getRelease, decideApproval });

    expect(await screen.findByText('Awaiting approval')).toBeInTheDocument();
    const invitation = screen.getByRole('alert');
    expect(invitation).toHaveTextContent(
      'Step 2 · Service owners awaits your decision.',
    );
    await userEvent.click(
      within(invitation).getByRole('button', { name: 'Open approval' }),
    );
    expect(screen.getByRole('tab', { name: 'Approval' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // The panel is named by its tab, for assistive technology.
    const panel = screen.getByRole('tabpanel', { name: 'Approval' });
    expect(
      within(panel).getByRole('list', { name: 'Readiness checklist' }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(panel).getByRole('button', { name: 'Approve' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(await screen.findByText('Authorized')).toBeInTheDocument();
    expect(decideApproval).toHaveBeenCalledWith(awaiting.id, {
      decision: 'approved',
      expectedVersion: 5,
    });
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    // The round's own state, beside its number.
    const round = screen.getByText('Round 1').parentElement!;
    expect(within(round).getByText('Approved')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Start deployment' }),
    ).toBeInTheDocument();
  }, 20_000);

  it('shows the backout plan and the test evidence link in the overview, and the risk in its tab', async () => {
    await renderPage({ getRelease: async () => awaiting });

    expect(await screen.findByText('Redeploy 2.3.9')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /^https:\/\/ci\.example\.com\/run\/812/,
      }),
    ).toHaveAttribute('href', 'https://ci.example.com/run/812');

    await userEvent.click(screen.getByRole('tab', { name: 'Risk' }));
    expect(
      screen.getByRole('list', { name: 'What adds to the score' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set risk' })).toBeEnabled();
  });

  it('has no approval tab for a release no policy or readiness item concerns', async () => {
    await renderPage({
      getRelease: async () =>
        aRelease({
          status: 'planning',
          readiness: [],
          approvals: anApprovalRound({
            round: 0,
            status: 'none',
            policySource: 'none',
            requestedBy: null,
            requestedAt: null,
            currentStep: null,
            steps: [],
            mayDecide: false,
          }),
        }),
    });
    await screen.findByText('REL-000042 · Orders service 2.4');
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: 'Approval' }),
    ).not.toBeInTheDocument();
  });

  it("tells the round's story in the history: the request, each decision and a replaced round", async () => {
    await renderPage({
      getRelease: async () => awaiting,
      getHistory: async () => [
        historyEntry({
          id: '2',
          actor: 'user:default/ana.souza',
          kind: 'transition',
          action: 'request-authorization',
          fromStatus: 'planning',
          toStatus: 'awaiting-approval',
          changes: {
            approvalRound: { before: 0, after: 1 },
            approvalSteps: {
              before: null,
              after: [
                {
                  position: 1,
                  name: 'Change advisory board',
                  status: 'current',
                },
                { position: 2, name: 'Service owners', status: 'waiting' },
              ],
            },
          },
        }),
        historyEntry({
          id: '3',
          actor: 'user:default/ana.souza',
          kind: 'approval',
          action: 'new-round',
          fromStatus: null,
          toStatus: null,
          changes: { approvalRound: { before: 1, after: 2 } },
          comment: 'window changed: the decisions of round 1 no longer hold',
        }),
        historyEntry({
          id: '4',
          actor: 'user:default/carla.mendes',
          kind: 'approval',
          action: 'approved',
          fromStatus: 'awaiting-approval',
          toStatus: 'authorized',
          changes: {
            'step 2 (Service owners)': { before: 'current', after: 'approved' },
          },
          comment: 'Payments team is on call',
        }),
      ],
    });
    await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('list', { name: 'History' });

    expect(
      await within(history).findByText(
        'Request authorization: Planning → Awaiting approval · ana.souza',
      ),
    ).toBeInTheDocument();
    expect(
      within(history).getByText(
        'Approval round: 0 → 1; Approval steps: — → Step 1 · Change advisory board (Current), Step 2 · Service owners (Waiting)',
      ),
    ).toBeInTheDocument();
    expect(
      within(history).getByText('New approval round · ana.souza'),
    ).toBeInTheDocument();
    expect(
      within(history).getByText(
        '“The window changed: the decisions of round 1 no longer hold”',
      ),
    ).toBeInTheDocument();
    expect(
      within(history).getByText(
        'Approval step approved: Awaiting approval → Authorized · carla.mendes',
      ),
    ).toBeInTheDocument();
    expect(
      within(history).getByText('Step 2 · Service owners: Current → Approved'),
    ).toBeInTheDocument();
  });
});
