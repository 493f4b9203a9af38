import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseDetails } from '@internal/plugin-release-common';
import { aRiskAssessment } from '../../__testUtils__/approvalFixtures';
import { invalidRequest } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { RiskPanel } from './RiskPanel';

const planning = aRelease({
  status: 'planning',
  risk: 'medium',
  riskAssessment: aRiskAssessment(),
});

async function renderPanel(
  release: ReleaseDetails,
  editRelease: jest.Mock = jest.fn(),
  canEdit = true,
) {
  const callbacks = { onSaved: jest.fn(), onReload: jest.fn() };
  await renderWithApis(
    <RiskPanel release={release} canEdit={canEdit} {...callbacks} />,
    { editRelease },
  );
  return callbacks;
}

const factor = (name: string) =>
  within(
    screen.getByRole('list', { name: 'What adds to the score' }),
  ).getByRole('listitem', { name });

async function chooseLevel(level: string) {
  fireEvent.mouseDown(screen.getByLabelText('Level'));
  await userEvent.click(await screen.findByRole('option', { name: level }));
}

describe('RiskPanel', () => {
  it('shows the score, the suggested and current levels, and each factor in its unit', async () => {
    await renderPanel(planning);

    expect(screen.getByText('Score').nextSibling).toHaveTextContent('49');
    expect(screen.getByText('Suggested level').nextSibling).toHaveTextContent(
      'medium',
    );
    expect(screen.getByText('Current level').nextSibling).toHaveTextContent(
      'medium',
    );

    const production = factor('Entities in production');
    expect(
      within(production).getByText('Entities in production · 3 entities'),
    ).toBeInTheDocument();
    expect(within(production).getByText('+24 points')).toBeInTheDocument();
    for (const entity of ['orders-service', 'payments-service', 'orders-api']) {
      expect(
        within(production).getByRole('link', { name: entity }),
      ).toBeInTheDocument();
    }

    const failures = factor('Failure rate of past releases');
    expect(
      within(failures).getByText('Failure rate of past releases · 25% failed'),
    ).toBeInTheDocument();
    expect(within(failures).getByText(/REL-000031/)).toBeInTheDocument();

    expect(
      within(factor('Short lead time')).getByText(
        'Short lead time · 20 hours before the planned start, below the minimum of 1 day',
      ),
    ).toBeInTheDocument();
    const readiness = factor('Missing readiness items');
    expect(
      within(readiness).getByText('Missing readiness items · 1 item'),
    ).toBeInTheDocument();
    expect(
      within(readiness).getByText('Because of: Backout plan'),
    ).toBeInTheDocument();
    // Largest first, as the backend sends them.
    expect(
      within(screen.getByRole('list', { name: 'What adds to the score' }))
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      'Entities in production',
      'Failure rate of past releases',
      'Short lead time',
      'Missing readiness items',
    ]);
  });

  it('shows who set another level than the suggestion, when and why', async () => {
    await renderPanel(
      aRelease({
        risk: 'high',
        riskAssessment: aRiskAssessment({
          level: 'high',
          override: {
            level: 'high',
            justification: 'First release on the new cluster',
            by: 'user:default/ana.souza',
            at: '2027-03-02T09:00:00.000Z',
          },
        }),
      }),
    );
    expect(screen.getByText('Current level').nextSibling).toHaveTextContent(
      'high',
    );
    expect(screen.getByText('Set by a manager')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ana.souza' })).toBeInTheDocument();
    expect(
      screen.getByText('Justification: “First release on the new cluster”'),
    ).toBeInTheDocument();
  });

  it('asks for a justification before setting a level other than the suggestion', async () => {
    const editRelease = jest.fn().mockResolvedValue(planning);
    const { onSaved } = await renderPanel(planning, editRelease);

    await userEvent.click(screen.getByRole('button', { name: 'Set risk' }));
    const dialog = await screen.findByRole('dialog');
    await chooseLevel('high');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      within(dialog).getByText(
        'is required to set the risk to high: the assessment suggests medium',
      ),
    ).toBeInTheDocument();
    expect(editRelease).not.toHaveBeenCalled();

    await userEvent.type(
      within(dialog).getByLabelText('Justification (required)'),
      'First release on the new cluster',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(editRelease).toHaveBeenCalledWith(planning.id, {
      expectedVersion: 5,
      risk: 'high',
      riskJustification: 'First release on the new cluster',
    });
  });

  it('goes back to the suggested level without a justification', async () => {
    const overridden = aRelease({
      risk: 'high',
      riskAssessment: aRiskAssessment({ level: 'high' }),
    });
    const editRelease = jest.fn().mockResolvedValue(overridden);
    await renderPanel(overridden, editRelease);

    await userEvent.click(screen.getByRole('button', { name: 'Set risk' }));
    const dialog = await screen.findByRole('dialog');
    await chooseLevel('medium');
    expect(within(dialog).getByLabelText('Justification')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(editRelease).toHaveBeenCalledWith(overridden.id, {
        expectedVersion: 5,
        risk: 'medium',
      }),
    );
  });

  it("puts the server's refusal on the justification", async () => {
    const editRelease = jest.fn().mockRejectedValue(
      invalidRequest({
        field: 'riskJustification',
        message: 'Too big: expected string to have <=2000 characters',
      }),
    );
    await renderPanel(planning, editRelease);
    await userEvent.click(screen.getByRole('button', { name: 'Set risk' }));
    const dialog = await screen.findByRole('dialog');
    await chooseLevel('low');
    await userEvent.type(
      within(dialog).getByLabelText('Justification (required)'),
      'Only a label changes',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('must be at most 2000 characters'),
    ).toBeInTheDocument();
  });

  it('offers no way to set the risk to a caller who may not edit', async () => {
    await renderPanel(planning, jest.fn(), false);
    expect(
      screen.queryByRole('button', { name: 'Set risk' }),
    ).not.toBeInTheDocument();
  });
});
