import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReleaseModel } from '@internal/plugin-release-common';
import { ReleaseApi } from '../../api';
import { backendError, invalidRequest } from '../../__testUtils__/backendError';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ModelDialog } from './ModelDialog';

const model: ReleaseModel = {
  id: 'm1',
  portfolioId: 'p1',
  name: 'App store release',
  description: '',
  category: 'mobile',
  defaultExecutorGroup: 'group:default/release-managers',
  defaultImpact: 'high',
  defaultUrgency: 'low',
  lifecycle: 'active',
  planningTemplates: [{ title: 'Scope' }, { title: 'Store listing review' }],
  deploymentTemplates: [{ title: 'Submit build' }],
  approvalPolicy: null,
  emergencyApprovalPolicy: null,
  readiness: [],
  minimumLeadTimeHours: null,
};

const PLANNING = 'Planning activities (one per line)';
const DEPLOYMENT = 'Deployment activities (one per line)';

async function renderDialog(api: Partial<ReleaseApi>, existing?: ReleaseModel) {
  const callbacks = { onClose: jest.fn(), onSaved: jest.fn() };
  await renderWithApis(
    <ModelDialog portfolioId="p1" model={existing} {...callbacks} />,
    api,
  );
  return callbacks;
}

/** Chooses an option of a select or catalog picker by its label. */
async function choose(
  label: string,
  option: string,
  container: Pick<typeof screen, 'getByLabelText'> = screen,
) {
  await userEvent.click(container.getByLabelText(label));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

/** Fills a field with the text, replacing what it held. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  await userEvent.paste(text);
}

describe('ModelDialog', () => {
  it('offers the usual activities for a new model and sends them as templates', async () => {
    const createModel = jest.fn().mockResolvedValue(model);
    const { onSaved } = await renderDialog({ createModel });
    expect(screen.getByText('New release model')).toBeInTheDocument();
    expect(screen.getByLabelText(PLANNING)).toHaveValue(
      'Scope\nBuild the release package\nTest in staging\nRollback plan\nCommunication',
    );
    expect(screen.getByLabelText(DEPLOYMENT)).toHaveValue(
      'Deploy\nSmoke test\nVerify monitoring\nUpdate documentation\nEarly life support',
    );

    await userEvent.type(screen.getByLabelText('Name'), 'Standard release');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(createModel).toHaveBeenCalledWith('p1', {
      name: 'Standard release',
      category: null,
      defaultExecutorGroup: null,
      defaultImpact: 'medium',
      defaultUrgency: 'medium',
      planningTemplates: [
        { title: 'Scope' },
        { title: 'Build the release package' },
        { title: 'Test in staging' },
        { title: 'Rollback plan' },
        { title: 'Communication' },
      ],
      deploymentTemplates: [
        { title: 'Deploy' },
        { title: 'Smoke test' },
        { title: 'Verify monitoring' },
        { title: 'Update documentation' },
        { title: 'Early life support' },
      ],
      approvalPolicy: null,
      emergencyApprovalPolicy: null,
      readiness: [],
      minimumLeadTimeHours: null,
    });
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('creates a model with its defaults and only the non-empty, trimmed lines as templates', async () => {
    const createModel = jest.fn().mockResolvedValue(model);
    await renderDialog({ createModel });
    await userEvent.type(screen.getByLabelText('Name'), 'Hotfix');
    await userEvent.type(screen.getByLabelText('Category'), 'emergency');
    await choose('Default executor group', 'Release managers');
    await choose('Default impact', 'high');
    await choose('Default urgency', 'low');
    const planning = screen.getByLabelText(PLANNING);
    await userEvent.clear(planning);
    await userEvent.type(planning, 'Scope{enter}{enter}  Rollback plan  ');
    const deployment = screen.getByLabelText(DEPLOYMENT);
    await userEvent.clear(deployment);
    await userEvent.type(deployment, 'Deploy');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(createModel).toHaveBeenCalledWith('p1', {
      name: 'Hotfix',
      category: 'emergency',
      defaultExecutorGroup: 'group:default/release-managers',
      defaultImpact: 'high',
      defaultUrgency: 'low',
      planningTemplates: [{ title: 'Scope' }, { title: 'Rollback plan' }],
      deploymentTemplates: [{ title: 'Deploy' }],
      approvalPolicy: null,
      emergencyApprovalPolicy: null,
      readiness: [],
      minimumLeadTimeHours: null,
    });
  });

  it('edits the templates of a model: a line added, a line removed, the lifecycle left alone', async () => {
    const updateModel = jest.fn().mockResolvedValue(model);
    const createModel = jest.fn();
    const { onSaved } = await renderDialog({ updateModel, createModel }, model);
    expect(screen.getByText('Edit App store release')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('App store release');
    expect(screen.getByLabelText('Category')).toHaveValue('mobile');
    expect(
      await screen.findByDisplayValue('Release managers'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Default impact')).toHaveTextContent('high');
    expect(screen.getByLabelText('Default urgency')).toHaveTextContent('low');
    const planning = screen.getByLabelText(PLANNING);
    const deployment = screen.getByLabelText(DEPLOYMENT);
    expect(planning).toHaveValue('Scope\nStore listing review');
    expect(deployment).toHaveValue('Submit build');

    // Remove "Scope" from planning, add "Phased rollout" to deployment.
    await userEvent.clear(planning);
    await userEvent.type(planning, 'Store listing review');
    await userEvent.type(deployment, '{enter}Phased rollout');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    // Exactly these fields: editing never sends (and so never resets) the
    // lifecycle, which the portfolio page changes on its own.
    expect(updateModel).toHaveBeenCalledWith('p1', 'm1', {
      name: 'App store release',
      category: 'mobile',
      defaultExecutorGroup: 'group:default/release-managers',
      defaultImpact: 'high',
      defaultUrgency: 'low',
      planningTemplates: [{ title: 'Store listing review' }],
      deploymentTemplates: [
        { title: 'Submit build' },
        { title: 'Phased rollout' },
      ],
      approvalPolicy: null,
      emergencyApprovalPolicy: null,
      readiness: [],
      minimumLeadTimeHours: null,
    });
    expect(createModel).not.toHaveBeenCalled();
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('sends a model with every template removed as empty lists', async () => {
    const updateModel = jest.fn().mockResolvedValue(model);
    await renderDialog({ updateModel }, model);
    await userEvent.clear(screen.getByLabelText(PLANNING));
    await userEvent.clear(screen.getByLabelText(DEPLOYMENT));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(updateModel).toHaveBeenCalledWith(
      'p1',
      'm1',
      expect.objectContaining({
        planningTemplates: [],
        deploymentTemplates: [],
      }),
    );
  });

  it('shows a refused template list on its field, keeps the lines, and saves once accepted', async () => {
    const updateModel = jest
      .fn()
      .mockRejectedValueOnce(
        invalidRequest({
          field: 'deploymentTemplates.1.title',
          message: 'must be at most 200 characters',
        }),
      )
      .mockResolvedValueOnce(model);
    const { onSaved } = await renderDialog({ updateModel }, model);
    await userEvent.click(screen.getByLabelText(DEPLOYMENT));
    await userEvent.paste(`\n${'x'.repeat(201)}`);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('must be at most 200 characters'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(DEPLOYMENT)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByLabelText(PLANNING)).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.getByLabelText(DEPLOYMENT)).toHaveValue(
      `Submit build\n${'x'.repeat(201)}`,
    );
    expect(onSaved).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText(DEPLOYMENT));
    await userEvent.type(screen.getByLabelText(DEPLOYMENT), 'Submit build');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(updateModel).toHaveBeenCalledTimes(2);
    expect(updateModel).toHaveBeenLastCalledWith(
      'p1',
      'm1',
      expect.objectContaining({
        deploymentTemplates: [{ title: 'Submit build' }],
      }),
    );
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(
      screen.queryByText('must be at most 200 characters'),
    ).not.toBeInTheDocument();
  });

  it('shows a refusal that names no field above the form', async () => {
    const updateModel = jest
      .fn()
      .mockRejectedValue(
        backendError(404, 'NotFoundError', 'No release model m1 in p1'),
      );
    const { onSaved } = await renderDialog({ updateModel }, model);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No release model m1 in p1',
    );
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('closes on cancel without saving', async () => {
    const updateModel = jest.fn();
    const { onClose, onSaved } = await renderDialog({ updateModel }, model);
    await userEvent.clear(screen.getByLabelText(PLANNING));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(updateModel).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('builds a two-step approval policy, readiness and lead time, and sends exactly them', async () => {
    const createModel = jest.fn().mockResolvedValue(model);
    await renderDialog({ createModel });
    await fill(screen.getByLabelText('Name'), 'Database migration');

    const policy = screen.getByRole('group', { name: 'Approval policy' });
    expect(within(policy).getByLabelText("Use the portfolio's")).toBeChecked();
    await userEvent.click(within(policy).getByLabelText('Approval steps'));

    // The first step: two of the release managers, when risk is medium or more.
    const first = within(policy).getByRole('group', { name: 'Step 1' });
    await fill(within(first).getByLabelText('Step name'), 'CAB');
    await choose('Catalog groups', 'Release managers', within(first));
    await fill(within(first).getByLabelText('Approvals needed'), '2');
    await choose('Applies', 'when risk is at least', within(first));
    await choose('Minimum risk', 'medium', within(first));

    // The second: every owner of impacted systems and components up to two
    // hops away, and the requester, for major and emergency releases.
    await userEvent.click(
      within(policy).getByRole('button', { name: 'Add a step' }),
    );
    const second = within(policy).getByRole('group', { name: 'Step 2' });
    await fill(within(second).getByLabelText('Step name'), 'Owners');
    await userEvent.click(
      within(second).getByLabelText('Owners of impacted entities'),
    );
    expect(within(second).getByLabelText('systems')).toBeChecked();
    await userEvent.click(within(second).getByLabelText('components'));
    await fill(within(second).getByLabelText('Maximum distance (hops)'), '2');
    await userEvent.click(within(second).getByLabelText('The requester'));
    await choose('Quorum', 'Every approver', within(second));
    await choose('Applies', 'when the type is', within(second));
    await userEvent.click(within(second).getByLabelText('emergency'));

    // The owners decide first.
    await userEvent.click(
      within(policy).getByRole('button', { name: 'Move step 2 up' }),
    );
    expect(
      within(policy).getByRole('button', { name: 'Move step 1 up' }),
    ).toBeDisabled();

    await userEvent.click(screen.getByLabelText('Backout plan'));
    await userEvent.click(screen.getByLabelText('Deployment activities'));
    await fill(screen.getByLabelText('Minimum lead time (hours)'), '48');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(createModel).toHaveBeenCalledTimes(1);
    expect(createModel.mock.calls[0][1]).toEqual({
      name: 'Database migration',
      category: null,
      defaultExecutorGroup: null,
      defaultImpact: 'medium',
      defaultUrgency: 'medium',
      planningTemplates: expect.any(Array),
      deploymentTemplates: expect.any(Array),
      approvalPolicy: {
        steps: [
          {
            name: 'Owners',
            approvers: [
              {
                kind: 'impacted-owners',
                entityKinds: ['component', 'system'],
                maxDistance: 2,
              },
              { kind: 'requester' },
            ],
            quorum: 'all',
            condition: { kind: 'type-is', types: ['major', 'emergency'] },
          },
          {
            name: 'CAB',
            approvers: [
              { kind: 'group', group: 'group:default/release-managers' },
            ],
            quorum: 2,
            condition: { kind: 'risk-at-least', level: 'medium' },
          },
        ],
      },
      emergencyApprovalPolicy: null,
      readiness: ['deployment-activities', 'backout-plan'],
      minimumLeadTimeHours: 48,
    });
    // A long form on a shared runner: every field is filled as a user would.
  }, 90_000);

  it("shows a model's own policy, and goes back to the portfolio's when asked", async () => {
    const updateModel = jest.fn().mockResolvedValue(model);
    await renderDialog(
      { updateModel },
      {
        ...model,
        emergencyApprovalPolicy: {
          steps: [
            {
              name: 'Duty manager',
              approvers: [{ kind: 'requester' }],
              quorum: 1,
              condition: { kind: 'always' },
            },
          ],
        },
        readiness: ['test-evidence'],
        minimumLeadTimeHours: 24,
      },
    );
    const emergency = screen.getByRole('group', {
      name: 'Emergency approval policy',
    });
    expect(within(emergency).getByLabelText('Approval steps')).toBeChecked();
    const step = within(emergency).getByRole('group', { name: 'Step 1' });
    expect(within(step).getByLabelText('Step name')).toHaveValue(
      'Duty manager',
    );
    expect(within(step).getByLabelText('The requester')).toBeChecked();
    expect(screen.getByLabelText('Test evidence')).toBeChecked();
    expect(screen.getByLabelText('Minimum lead time (hours)')).toHaveValue(24);

    await userEvent.click(
      within(emergency).getByLabelText("Use the portfolio's"),
    );
    await userEvent.clear(screen.getByLabelText('Minimum lead time (hours)'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(updateModel).toHaveBeenCalledWith(
      'p1',
      'm1',
      expect.objectContaining({
        approvalPolicy: null,
        emergencyApprovalPolicy: null,
        readiness: ['test-evidence'],
        minimumLeadTimeHours: null,
      }),
    );
  });
});
