import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApprovalPolicy, Portfolio } from '@internal/plugin-release-common';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { PortfolioDialog } from '../PortfolioPages/PortfolioDialog';

const portfolio: Portfolio = {
  id: 'p1',
  name: 'Digital commerce',
  description: '',
  icon: null,
  ownerGroup: null,
  authorizerGroup: 'group:default/release-managers',
  approvalPolicy: null,
  emergencyApprovalPolicy: null,
};

/** As made through the API: two owners sets, the requester between them. */
const owners: ApprovalPolicy = {
  steps: [
    {
      name: 'Owners',
      approvers: [
        { kind: 'impacted-owners', entityKinds: ['system'], maxDistance: 2 },
        { kind: 'requester' },
        {
          kind: 'impacted-owners',
          entityKinds: ['component'],
          maxDistance: 1,
        },
      ],
      quorum: 'all',
      condition: { kind: 'always' },
    },
  ],
};

async function renderDialog(existing?: Portfolio) {
  const createPortfolio = jest.fn().mockResolvedValue(portfolio);
  const updatePortfolio = jest.fn().mockResolvedValue(portfolio);
  await renderWithApis(
    <PortfolioDialog
      portfolio={existing}
      onClose={jest.fn()}
      onSaved={jest.fn()}
    />,
    { createPortfolio, updatePortfolio },
  );
  const policy = screen.getByRole('group', { name: 'Approval policy' });
  return { createPortfolio, updatePortfolio, policy };
}

const ownersSet = (step: HTMLElement, position: number) =>
  within(step).getByRole('group', { name: `Owners, set ${position}` });

const setDistance = (set: HTMLElement, value: string) =>
  fireEvent.change(within(set).getByLabelText('Maximum distance (hops)'), {
    target: { value },
  });

describe('the approvers of a step', () => {
  it('show every owners set of a saved policy, and save them all back', async () => {
    const { updatePortfolio, policy } = await renderDialog({
      ...portfolio,
      approvalPolicy: owners,
    });
    const step = within(policy).getByRole('group', { name: 'Step 1' });
    const [first, second] = [ownersSet(step, 1), ownersSet(step, 2)];
    expect(within(first).getByLabelText('systems')).toBeChecked();
    expect(within(first).getByLabelText('components')).not.toBeChecked();
    expect(within(first).getByLabelText('Maximum distance (hops)')).toHaveValue(
      2,
    );
    expect(within(second).getByLabelText('components')).toBeChecked();
    expect(within(second).getByLabelText('systems')).not.toBeChecked();
    expect(
      within(second).getByLabelText('Maximum distance (hops)'),
    ).toHaveValue(1);

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(updatePortfolio).toHaveBeenCalledWith(
      'p1',
      expect.objectContaining({ approvalPolicy: owners }),
    );
  });

  it('take a second owners set a user adds, say what is wrong in it, and lose one removed', async () => {
    const { createPortfolio, policy } = await renderDialog();
    await userEvent.type(screen.getByLabelText('Name'), 'Payments');
    await userEvent.click(within(policy).getByLabelText('Approval steps'));
    const step = within(policy).getByRole('group', { name: 'Step 1' });
    await userEvent.type(within(step).getByLabelText('Step name'), 'Owners');
    await userEvent.click(
      within(step).getByLabelText('Owners of impacted entities'),
    );
    // One set to start with, which cannot be removed while it is alone.
    expect(
      within(step).queryByRole('button', { name: /^Remove set/ }),
    ).not.toBeInTheDocument();
    setDistance(ownersSet(step, 1), '2');

    await userEvent.click(
      within(step).getByRole('button', { name: 'Add another set of owners' }),
    );
    const second = ownersSet(step, 2);
    await userEvent.click(within(second).getByLabelText('systems'));
    await userEvent.click(within(second).getByLabelText('APIs'));
    await userEvent.click(within(second).getByLabelText('components'));
    setDistance(second, '');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    // The empty distance is the second set's, not the first's.
    expect(createPortfolio).not.toHaveBeenCalled();
    expect(
      within(second).getByLabelText('Maximum distance (hops)'),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(ownersSet(step, 1)).getByLabelText('Maximum distance (hops)'),
    ).toHaveAttribute('aria-invalid', 'false');

    setDistance(second, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(createPortfolio).toHaveBeenLastCalledWith(
      expect.objectContaining({
        approvalPolicy: {
          steps: [
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
              quorum: 1,
              condition: { kind: 'always' },
            },
          ],
        },
      }),
    );

    await userEvent.click(
      within(step).getByRole('button', { name: 'Remove set 1 of owners' }),
    );
    expect(
      within(step).queryByRole('group', { name: 'Owners, set 2' }),
    ).not.toBeInTheDocument();
    expect(within(ownersSet(step, 1)).getByLabelText('APIs')).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      createPortfolio.mock.lastCall[0].approvalPolicy.steps[0].approvers,
    ).toEqual([
      {
        kind: 'impacted-owners',
        entityKinds: ['component', 'api'],
        maxDistance: 1,
      },
    ]);
  }, 60_000);
});
