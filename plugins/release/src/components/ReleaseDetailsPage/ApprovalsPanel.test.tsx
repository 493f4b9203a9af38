import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { anApprovalRound } from '../../__testUtils__/approvalFixtures';
import { backendError } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ApprovalsPanel } from './ApprovalsPanel';

const awaiting = aRelease({
  status: 'awaiting-approval',
  allowedActions: ['suspend', 'cancel'],
  approvals: anApprovalRound(),
});

async function renderPanel(
  release: ReleaseDetails,
  decideApproval: jest.Mock = jest.fn(),
  options: { allowed?: boolean } = {},
) {
  const callbacks = { onDecided: jest.fn(), onReload: jest.fn() };
  await renderWithApis(
    <ApprovalsPanel release={release} {...callbacks} />,
    { decideApproval },
    options,
  );
  return callbacks;
}

const step = (name: string) =>
  within(screen.getByRole('list', { name: 'Approval steps' })).getByRole(
    'listitem',
    { name: name },
  );

/** Opens the decision dialog from the panel's button. */
async function open(button: 'Approve' | 'Reject') {
  await userEvent.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

describe('ApprovalsPanel', () => {
  it('shows the round, each step with its quorum, approvers and decisions', async () => {
    await renderPanel(awaiting);

    expect(screen.getByText('Round 1')).toBeInTheDocument();
    expect(screen.getByText('Awaiting decisions')).toBeInTheDocument();
    expect(screen.getByText('Standard policy')).toBeInTheDocument();
    expect(screen.getByText('From the portfolio')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ana.souza' })).toBeInTheDocument();

    const cab = step('Step 1 · Change advisory board');
    expect(within(cab).getByText('Approved')).toBeInTheDocument();
    expect(
      within(cab).getByText('Quorum: 1 approval · 1 of 1 approved'),
    ).toBeInTheDocument();
    const decisions = within(cab).getByRole('list', { name: 'Decisions' });
    expect(
      within(decisions).getByRole('link', { name: 'carla.mendes' }),
    ).toBeInTheDocument();
    expect(within(decisions).getByRole('link', { name: 'cab' })).toBeVisible();
    expect(within(decisions).getByText(/^Approved · /)).toBeInTheDocument();
    expect(
      within(decisions).getByText('“Window agreed with operations”'),
    ).toBeInTheDocument();

    const owners = step('Step 2 · Service owners');
    expect(within(owners).getByText('Current')).toBeInTheDocument();
    expect(
      within(owners).getByText('Quorum: 2 approvals · 0 of 2 approved'),
    ).toBeInTheDocument();
    expect(
      within(owners).getByRole('link', { name: 'payments-team' }),
    ).toBeInTheDocument();
    expect(
      within(owners).getByRole('link', { name: 'orders-team' }),
    ).toBeInTheDocument();

    const security = step('Step 3 · Security review');
    expect(within(security).getByText('Not required')).toBeInTheDocument();
    expect(
      within(security).getByText(
        'Not required because the risk is low, below high',
      ),
    ).toBeInTheDocument();
  });

  it('says why stand-in approvers decide a step, and counts every approver for "all"', async () => {
    const round = anApprovalRound();
    round.steps[1] = {
      ...round.steps[1],
      quorum: 'all',
      approvers: ['group:default/release-managers', 'user:default/ana.souza'],
      fallbackReason:
        "group:default/payments-team has no members in the catalog; the portfolio's authorizer group decides",
      decisions: [
        {
          id: 'd2',
          round: 1,
          step: 2,
          approver: 'user:default/ana.souza',
          onBehalfOf: ['user:default/ana.souza'],
          decision: 'approved',
          comment: null,
          decidedAt: '2027-03-01T11:00:00.000Z',
        },
      ],
    };
    await renderPanel({ ...awaiting, approvals: round });
    const owners = step('Step 2 · Service owners');
    expect(
      within(owners).getByText('Quorum: every approver · 1 of 2 approved'),
    ).toBeInTheDocument();
    expect(
      within(owners).getByText(
        "Stand-in approvers: payments-team: no members in the catalog, so the portfolio's authorizer group decides",
      ),
    ).toBeInTheDocument();
  });

  it('approves with the version it was shown and hands the page the updated release', async () => {
    const updated = aRelease({ status: 'authorized', version: 6 });
    const decideApproval = jest.fn().mockResolvedValue(updated);
    const { onDecided } = await renderPanel(awaiting, decideApproval);
    expect(
      screen.getByText('Step 2 · Service owners awaits your decision.'),
    ).toBeInTheDocument();

    const dialog = await open('Approve');
    expect(
      within(dialog).getByText('Approve step 2 · Service owners of REL-000042'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByLabelText('Comment'),
      'Payments team is on call',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(updated));
    expect(decideApproval).toHaveBeenCalledWith(awaiting.id, {
      decision: 'approved',
      comment: 'Payments team is on call',
      expectedVersion: 5,
    });
  });

  it('will not reject without a comment saying why', async () => {
    const decideApproval = jest.fn();
    await renderPanel(awaiting, decideApproval);

    const dialog = await open('Reject');
    expect(
      within(dialog).getByLabelText('Comment (required)'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    expect(
      within(dialog).getByText('a comment saying why is required'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Comment (required)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(decideApproval).not.toHaveBeenCalled();
  });

  it('shows a refusal as the backend wrote it', async () => {
    const decideApproval = jest
      .fn()
      .mockRejectedValue(
        backendError(
          403,
          'NotAllowedError',
          'You may not approve step 2 of REL-000042',
        ),
      );
    const { onDecided } = await renderPanel(awaiting, decideApproval);
    const dialog = await open('Approve');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You may not approve step 2 of REL-000042',
    );
    expect(onDecided).not.toHaveBeenCalled();
  });

  it('offers the override after a blackout refusal, and then asks for a comment', async () => {
    const updated = aRelease({ status: 'authorized', version: 6 });
    const decideApproval = jest
      .fn()
      .mockRejectedValueOnce(
        backendError(
          409,
          'ConflictError',
          'Cannot authorize REL-000042: its window falls in blackout "Year-end freeze". Move the window, or approve with override and a comment.',
        ),
      )
      .mockResolvedValueOnce(updated);
    const { onDecided } = await renderPanel(awaiting, decideApproval);
    const dialog = await open('Approve');
    expect(
      within(dialog).queryByLabelText(/Authorize despite/),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'its window falls in blackout "Year-end freeze"',
    );
    await userEvent.click(
      within(dialog).getByLabelText(
        'Authorize despite the blackout window or conflict',
      ),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(
      within(dialog).getByText('an override needs a comment saying why'),
    ).toBeInTheDocument();
    expect(decideApproval).toHaveBeenCalledTimes(1);

    await userEvent.type(
      within(dialog).getByLabelText('Comment (required)'),
      'Fixes the outage the freeze is about',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(updated));
    expect(decideApproval).toHaveBeenLastCalledWith(awaiting.id, {
      decision: 'approved',
      comment: 'Fixes the outage the freeze is about',
      expectedVersion: 5,
      override: true,
    });
  });

  it('does not offer the override to a caller who may not override', async () => {
    const decideApproval = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'Cannot authorize REL-000042: it overlaps REL-000007 on orders-service. Move the window, or approve with override and a comment.',
        ),
      );
    // The panel's caller may decide (the server said so); overriding is denied.
    await renderPanel(awaiting, decideApproval, { allowed: false });
    const dialog = await open('Approve');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'it overlaps REL-000007',
    );
    expect(
      within(dialog).queryByLabelText(/Authorize despite/),
    ).not.toBeInTheDocument();
  });

  it('keeps the comment and offers to reload when someone else changed the release', async () => {
    const decideApproval = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'REL-000042 was changed by someone else: you sent version 5, it is now at version 6. Reload it and try again.',
        ),
      );
    const { onReload } = await renderPanel(awaiting, decideApproval);
    const dialog = await open('Reject');
    await userEvent.type(
      within(dialog).getByLabelText('Comment (required)'),
      'No rollback tested',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );

    expect(
      await within(dialog).findByText(/Someone else changed this release/),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Comment (required)')).toHaveValue(
      'No rollback tested',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reload' }),
    );
    expect(onReload).toHaveBeenCalled();
  });

  it('tells an approver who may not decide why, and offers no buttons', async () => {
    await renderPanel({
      ...awaiting,
      approvals: anApprovalRound({
        mayDecide: false,
        mayNotDecideBecause:
          'you requested REL-000042; separation of duties keeps its requester from deciding its approval',
      }),
    });
    expect(
      screen.getByText(
        'You are an approver of this step but may not decide: you requested REL-000042, and separation of duties keeps its requester from deciding its approval',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Reject' }),
    ).not.toBeInTheDocument();
  });

  it('shows nothing of a round for a release no policy applies to', async () => {
    await renderPanel(
      aRelease({
        status: 'planning',
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
    );
    expect(screen.queryByText(/Round/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Approval steps' }),
    ).not.toBeInTheDocument();
  });

  it("lists the model's readiness items, present or missing, while planning", async () => {
    await renderPanel(
      aRelease({
        status: 'planning',
        readiness: [
          { item: 'deployment-activities', present: true },
          { item: 'backout-plan', present: false },
          { item: 'test-evidence', present: false },
        ],
      }),
    );
    const checklist = screen.getByRole('list', { name: 'Readiness checklist' });
    const lines = within(checklist)
      .getAllByRole('listitem')
      .map(item => item.textContent);
    expect(lines).toEqual([
      'Deployment activitiespresent',
      'Backout planmissing',
      'Test evidence linkmissing',
    ]);
    expect(
      screen.getByText(
        '2 items the release model asks for are missing: authorization cannot be requested yet.',
      ),
    ).toBeInTheDocument();
  });

  it('leaves the checklist out once the release is authorized', async () => {
    await renderPanel(
      aRelease({
        status: 'authorized',
        readiness: [{ item: 'backout-plan', present: true }],
      }),
    );
    expect(
      screen.queryByRole('list', { name: 'Readiness checklist' }),
    ).not.toBeInTheDocument();
  });
});
