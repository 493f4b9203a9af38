import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { releaseApiRef } from '../../api';
import { backendError } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { ActivitiesPanel } from './ActivitiesPanel';

const release = aRelease({
  status: 'deployment',
  activities: [
    {
      id: 'a1',
      releaseId: aRelease().id,
      phase: 'deployment',
      position: 0,
      title: 'Smoke test',
      description: '',
      assignee: null,
      group: 'group:default/platform-team',
      dueAt: null,
      status: 'pending',
      notes: null,
      completedBy: null,
      completedAt: null,
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-20T09:00:00.000Z',
      version: 3,
    },
  ],
});

function renderPanel(updateActivity: jest.Mock, canEdit = true) {
  const onChanged = jest.fn();
  return {
    onChanged,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [releaseApiRef, { updateActivity, addActivity: jest.fn() }],
          [catalogApiRef, { getEntities: async () => ({ items: [] }) }],
        ]}
      >
        <ActivitiesPanel
          release={release}
          phase="deployment"
          canEdit={canEdit}
          onChanged={onChanged}
        />
      </TestApiProvider>,
    ),
  };
}

describe('ActivitiesPanel', () => {
  it('asks why before skipping an activity, and sends the version it showed', async () => {
    const updateActivity = jest.fn().mockResolvedValue({});
    const { onChanged, rendered } = renderPanel(updateActivity);
    await rendered;
    const row = screen.getByText('Smoke test').closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Skip' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Note'),
      'Covered by the canary',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(updateActivity).toHaveBeenCalledWith(release.id, 'a1', {
      status: 'skipped',
      notes: 'Covered by the canary',
      expectedVersion: 3,
    });
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows the activities read-only when the caller may not edit', async () => {
    await renderPanel(jest.fn(), false).rendered;
    expect(screen.getByText('Smoke test')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Done' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add activity' }),
    ).not.toBeInTheDocument();
  });

  it('offers to reload when someone else changed the activity first', async () => {
    const updateActivity = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'The activity "Smoke test" was changed by someone else: you sent version 3, it is now at version 4.',
        ),
      );
    const { onChanged, rendered } = renderPanel(updateActivity);
    await rendered;
    const row = screen.getByText('Smoke test').closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Start' }));

    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(
      'Someone else changed an activity of this release.',
    );
    expect(onChanged).not.toHaveBeenCalled();
    await userEvent.click(
      within(warning).getByRole('button', { name: 'Reload' }),
    );
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
