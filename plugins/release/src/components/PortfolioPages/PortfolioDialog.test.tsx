import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApprovalPolicy, Portfolio } from '@internal/plugin-release-common';
import { ReleaseApi } from '../../api';
import { backendError, invalidRequest } from '../../__testUtils__/backendError';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { PortfolioDialog } from './PortfolioDialog';

const portfolio: Portfolio = {
  id: 'p1',
  name: 'Digital commerce',
  description: 'Shop and checkout',
  icon: null,
  ownerGroup: null,
  authorizerGroup: 'group:default/release-managers',
  approvalPolicy: null,
  emergencyApprovalPolicy: null,
};

async function renderDialog(api: Partial<ReleaseApi>, existing?: Portfolio) {
  const callbacks = { onClose: jest.fn(), onSaved: jest.fn() };
  await renderWithApis(
    <PortfolioDialog portfolio={existing} {...callbacks} />,
    api,
  );
  return callbacks;
}

/** Picks the catalog option with the given name in the labelled picker. */
async function pick(label: string, option: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('PortfolioDialog', () => {
  it('creates a portfolio from what was typed and picked', async () => {
    const created = { ...portfolio, id: 'p9', name: 'Payments' };
    const createPortfolio = jest.fn().mockResolvedValue(created);
    const updatePortfolio = jest.fn();
    const { onSaved } = await renderDialog({
      createPortfolio,
      updatePortfolio,
    });
    expect(screen.getByText('New portfolio')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('');
    expect(
      screen.getByText("Its members authorize the portfolio's releases"),
    ).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Name'), 'Payments');
    await userEvent.type(
      screen.getByLabelText('Description'),
      'Cards and wallets',
    );
    await pick('Owner group', 'Release managers');
    await pick('Authorizer group', 'Release managers');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(createPortfolio).toHaveBeenCalledTimes(1);
    expect(createPortfolio).toHaveBeenCalledWith({
      name: 'Payments',
      description: 'Cards and wallets',
      ownerGroup: 'group:default/release-managers',
      authorizerGroup: 'group:default/release-managers',
      approvalPolicy: null,
      emergencyApprovalPolicy: null,
    });
    expect(updatePortfolio).not.toHaveBeenCalled();
    expect(onSaved).toHaveBeenCalledWith(created);
  });

  it("shows the server's refusal on the name field, saves nothing, and saves once corrected", async () => {
    const createPortfolio = jest
      .fn()
      .mockRejectedValueOnce(
        invalidRequest({ field: 'name', message: 'is required' }),
      )
      .mockResolvedValueOnce(portfolio);
    const { onSaved } = await renderDialog({ createPortfolio });

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // A field refusal is shown on the field, not as a general alert.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Name'), 'Digital commerce');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(createPortfolio).toHaveBeenLastCalledWith({
      name: 'Digital commerce',
      description: '',
      ownerGroup: null,
      authorizerGroup: null,
      approvalPolicy: null,
      emergencyApprovalPolicy: null,
    });
    expect(onSaved).toHaveBeenCalledWith(portfolio);
    expect(screen.queryByText('is required')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  it('shows a refused group under its picker instead of the hint', async () => {
    const createPortfolio = jest.fn().mockRejectedValue(
      invalidRequest({
        field: 'authorizerGroup',
        message: 'must be a group entity reference',
      }),
    );
    const { onSaved } = await renderDialog({ createPortfolio });
    await userEvent.type(screen.getByLabelText('Name'), 'Payments');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('must be a group entity reference'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Authorizer group')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(
      screen.queryByText("Its members authorize the portfolio's releases"),
    ).not.toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows a refusal that names no field above the form', async () => {
    const createPortfolio = jest
      .fn()
      .mockRejectedValue(
        backendError(
          403,
          'NotAllowedError',
          'You may not manage release portfolios',
        ),
      );
    const { onSaved } = await renderDialog({ createPortfolio });
    await userEvent.type(screen.getByLabelText('Name'), 'Payments');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You may not manage release portfolios',
    );
    expect(screen.getByLabelText('Name')).toHaveValue('Payments');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('edits a portfolio with its groups kept, and picks an owner group from the catalog', async () => {
    const updatePortfolio = jest
      .fn()
      .mockImplementation(async (id, changes) => ({
        ...portfolio,
        id,
        ...changes,
      }));
    const createPortfolio = jest.fn();
    const { onSaved } = await renderDialog(
      { updatePortfolio, createPortfolio },
      portfolio,
    );
    expect(screen.getByText('Edit portfolio')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Digital commerce');
    expect(screen.getByLabelText('Description')).toHaveValue(
      'Shop and checkout',
    );
    expect(await screen.findByDisplayValue('Release managers')).toBe(
      screen.getByLabelText('Authorizer group'),
    );
    expect(screen.getByLabelText('Owner group')).toHaveValue('');

    await pick('Owner group', 'Release managers');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(updatePortfolio).toHaveBeenCalledWith('p1', {
      name: 'Digital commerce',
      description: 'Shop and checkout',
      ownerGroup: 'group:default/release-managers',
      authorizerGroup: 'group:default/release-managers',
      approvalPolicy: null,
      emergencyApprovalPolicy: null,
    });
    expect(createPortfolio).not.toHaveBeenCalled();
    expect(onSaved).toHaveBeenCalledWith({
      ...portfolio,
      ownerGroup: 'group:default/release-managers',
    });
  });

  it('closes on cancel without saving', async () => {
    const updatePortfolio = jest.fn();
    const { onClose, onSaved } = await renderDialog(
      { updatePortfolio },
      portfolio,
    );
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(updatePortfolio).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  describe('approval policies', () => {
    const cab: ApprovalPolicy = {
      steps: [
        {
          name: 'CAB',
          approvers: [{ kind: 'group', group: 'group:default/cab' }],
          quorum: 2,
          condition: { kind: 'always' },
        },
        {
          name: 'Requester',
          approvers: [{ kind: 'requester' }],
          quorum: 1,
          condition: { kind: 'type-is', types: ['emergency'] },
        },
      ],
    };

    it('refuses a quorum of none on its field and sends nothing', async () => {
      const updatePortfolio = jest.fn().mockResolvedValue(portfolio);
      await renderDialog(
        { updatePortfolio },
        { ...portfolio, approvalPolicy: cab },
      );
      const policy = screen.getByRole('group', { name: 'Approval policy' });
      const quorum = within(
        within(policy).getByRole('group', { name: 'Step 1' }),
      ).getByLabelText('Approvals needed');
      expect(quorum).toHaveValue(2);
      await userEvent.clear(quorum);
      await userEvent.type(quorum, '0');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));

      expect(quorum).toHaveAttribute('aria-invalid', 'true');
      expect(
        within(policy).getByText('must be a whole number from 1 to 50'),
      ).toBeInTheDocument();
      // Only the wrong step's quorum is marked.
      expect(
        within(
          within(policy).getByRole('group', { name: 'Step 2' }),
        ).getByLabelText('Approvals needed'),
      ).toHaveAttribute('aria-invalid', 'false');
      expect(updatePortfolio).not.toHaveBeenCalled();

      await userEvent.clear(quorum);
      await userEvent.type(quorum, '3');
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect(updatePortfolio).toHaveBeenCalledWith(
        'p1',
        expect.objectContaining({
          approvalPolicy: {
            steps: [{ ...cab.steps[0], quorum: 3 }, cab.steps[1]],
          },
          emergencyApprovalPolicy: null,
        }),
      );
    });

    it('says a step needs approvers, and removes a step', async () => {
      const updatePortfolio = jest.fn().mockResolvedValue(portfolio);
      await renderDialog(
        { updatePortfolio },
        { ...portfolio, approvalPolicy: cab },
      );
      const policy = screen.getByRole('group', { name: 'Approval policy' });
      const second = within(policy).getByRole('group', { name: 'Step 2' });
      await userEvent.click(within(second).getByLabelText('The requester'));
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));

      expect(
        within(second).getByText('needs at least one source of approvers'),
      ).toBeInTheDocument();
      expect(updatePortfolio).not.toHaveBeenCalled();

      await userEvent.click(
        within(policy).getByRole('button', { name: 'Remove step 2' }),
      );
      expect(
        within(policy).queryByRole('group', { name: 'Step 2' }),
      ).not.toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));
      expect(updatePortfolio).toHaveBeenCalledWith(
        'p1',
        expect.objectContaining({ approvalPolicy: { steps: [cab.steps[0]] } }),
      );
    });

    it('shows a refusal about an approver no field shows under the approvers', async () => {
      const updatePortfolio = jest.fn().mockRejectedValue(
        invalidRequest({
          field: 'approvalPolicy.steps.1.approvers.0.kind',
          message: 'Invalid input',
        }),
      );
      await renderDialog(
        { updatePortfolio },
        { ...portfolio, approvalPolicy: cab },
      );
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));

      const policy = screen.getByRole('group', { name: 'Approval policy' });
      const second = within(policy).getByRole('group', { name: 'Step 2' });
      expect(
        await within(second).findByText('Invalid input'),
      ).toBeInTheDocument();
      expect(
        within(
          within(policy).getByRole('group', { name: 'Step 1' }),
        ).queryByText('Invalid input'),
      ).not.toBeInTheDocument();
    });

    it('shows what the backend refused on the step it names', async () => {
      const createPortfolio = jest.fn().mockRejectedValue(
        invalidRequest({
          field: 'emergencyApprovalPolicy.steps.0.approvers.0.group',
          message: 'group:default/release-managers is not in the catalog',
        }),
      );
      await renderDialog({ createPortfolio });
      await userEvent.type(screen.getByLabelText('Name'), 'Payments');
      const emergency = screen.getByRole('group', {
        name: 'Emergency approval policy',
      });
      expect(
        within(emergency).getByLabelText(
          'The approval policy applies to emergencies too',
        ),
      ).toBeChecked();
      await userEvent.click(within(emergency).getByLabelText('Approval steps'));
      const step = within(emergency).getByRole('group', { name: 'Step 1' });
      await userEvent.type(within(step).getByLabelText('Step name'), 'Duty');
      await userEvent.click(within(step).getByLabelText('Catalog groups'));
      await userEvent.click(
        await screen.findByRole('option', { name: 'Release managers' }),
      );
      await userEvent.click(within(step).getByLabelText('The requester'));
      await userEvent.click(screen.getByRole('button', { name: 'Save' }));

      expect(createPortfolio).toHaveBeenCalledWith(
        expect.objectContaining({
          approvalPolicy: null,
          emergencyApprovalPolicy: {
            steps: [
              {
                name: 'Duty',
                approvers: [
                  { kind: 'group', group: 'group:default/release-managers' },
                  { kind: 'requester' },
                ],
                quorum: 1,
                condition: { kind: 'always' },
              },
            ],
          },
        }),
      );
      expect(
        await within(step).findByText('release-managers is not in the catalog'),
      ).toBeInTheDocument();
      expect(within(step).getByLabelText('Catalog groups')).toHaveAttribute(
        'aria-invalid',
        'true',
      );
    });
  });
});
