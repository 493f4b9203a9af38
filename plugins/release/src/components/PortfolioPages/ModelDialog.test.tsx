import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseModel } from '@internal/plugin-release-common';
import { backendError } from '../../testUtils/backendError';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ModelDialog } from './ModelDialog';

const model: ReleaseModel = {
  id: 'm1',
  portfolioId: 'p1',
  name: 'App store release',
  description: '',
  category: 'mobile',
  defaultExecutorGroup: null,
  defaultImpact: 'high',
  defaultUrgency: 'low',
  lifecycle: 'active',
  planningTemplates: [{ title: 'Scope' }, { title: 'Store listing review' }],
  deploymentTemplates: [{ title: 'Submit build' }],
};

describe('ModelDialog', () => {
  it('creates a model whose templates are the non-empty lines', async () => {
    const createModel = jest.fn().mockResolvedValue(model);
    const onSaved = jest.fn();
    await renderWithApis(
      <ModelDialog portfolioId="p1" onClose={jest.fn()} onSaved={onSaved} />,
      { createModel },
    );
    await userEvent.type(screen.getByLabelText('Name'), 'Hotfix');
    const planning = screen.getByLabelText(
      'Planning activities (one per line)',
    );
    await userEvent.clear(planning);
    await userEvent.type(planning, 'Scope{enter}{enter}  Rollback plan  ');
    const deployment = screen.getByLabelText(
      'Deployment activities (one per line)',
    );
    await userEvent.clear(deployment);
    await userEvent.type(deployment, 'Deploy');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(createModel).toHaveBeenCalledWith('p1', {
      name: 'Hotfix',
      category: null,
      defaultExecutorGroup: null,
      defaultImpact: 'medium',
      defaultUrgency: 'medium',
      planningTemplates: [{ title: 'Scope' }, { title: 'Rollback plan' }],
      deploymentTemplates: [{ title: 'Deploy' }],
    });
    expect(onSaved).toHaveBeenCalled();
  });

  it('edits a model from its current templates and shows a refusal on the templates', async () => {
    const updateModel = jest
      .fn()
      .mockRejectedValueOnce(
        backendError(
          400,
          'InputError',
          'Invalid request: planningTemplates: at most 50 activities',
        ),
      )
      .mockResolvedValueOnce(model);
    const onSaved = jest.fn();
    await renderWithApis(
      <ModelDialog
        portfolioId="p1"
        model={model}
        onClose={jest.fn()}
        onSaved={onSaved}
      />,
      { updateModel },
    );
    expect(screen.getByText('Edit App store release')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Planning activities (one per line)'),
    ).toHaveValue('Scope\nStore listing review');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('at most 50 activities'),
    ).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateModel).toHaveBeenLastCalledWith(
      'p1',
      'm1',
      expect.objectContaining({
        name: 'App store release',
        category: 'mobile',
        defaultImpact: 'high',
        defaultUrgency: 'low',
        deploymentTemplates: [{ title: 'Submit build' }],
      }),
    );
    expect(onSaved).toHaveBeenCalled();
  });
});
