import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Justification, ReleaseDetails } from '@internal/plugin-release-common';
import { releaseApiRef } from '../../api';
import { backendError } from '../../__testUtils__/backendError';
import { aRelease } from '../../__testUtils__/releaseFixtures';
import { TransitionDialog } from './TransitionDialog';

function renderDialog(
  api: object,
  action: 'close' | 'suspend' | 'request-authorization' = 'close',
  release: ReleaseDetails = aRelease(),
) {
  const handlers = {
    onClose: jest.fn(),
    onDone: jest.fn(),
    onReload: jest.fn(),
  };
  return {
    handlers,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [
            releaseApiRef,
            {
              listJustifications: async (): Promise<Justification[]> => [
                {
                  id: 'j1',
                  name: 'Change freeze',
                  description: '',
                  active: true,
                  appliesTo: ['suspend'],
                },
                {
                  id: 'j2',
                  name: 'Old reason',
                  description: '',
                  active: false,
                  appliesTo: ['suspend'],
                },
              ],
              ...api,
            },
          ],
        ]}
      >
        <TransitionDialog release={release} action={action} {...handlers} />
      </TestApiProvider>,
    ),
  };
}

describe('TransitionDialog', () => {
  it('asks for the outcome before closing, and notes when it is not successful', async () => {
    const transition = jest.fn();
    await renderDialog({ transition }).rendered;
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByText('closing needs an outcome')).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByLabelText('Outcome'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'failed' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(
      screen.getByText('a failed outcome needs notes'),
    ).toBeInTheDocument();
    expect(transition).not.toHaveBeenCalled();
  });

  it('closes with the version it was shown and reports the updated release', async () => {
    const updated = aRelease({ status: 'closed', version: 6 });
    const transition = jest.fn().mockResolvedValue(updated);
    const { handlers, rendered } = renderDialog({ transition });
    await rendered;
    fireEvent.mouseDown(screen.getByLabelText('Outcome'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'successful' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(handlers.onDone).toHaveBeenCalledWith(updated));
    expect(transition).toHaveBeenCalledWith(aRelease().id, {
      action: 'close',
      expectedVersion: 5,
      outcome: 'successful',
    });
  });

  it('offers only active reasons of the catalogue for a suspension', async () => {
    await renderDialog({ transition: jest.fn() }, 'suspend').rendered;
    fireEvent.mouseDown(await screen.findByLabelText('Justification'));
    expect(
      await screen.findByRole('option', { name: 'Change freeze' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('option', { name: 'Old reason' }),
    ).not.toBeInTheDocument();
  });

  it('keeps what was typed and offers to reload when someone else changed the release', async () => {
    const transition = jest
      .fn()
      .mockRejectedValue(
        backendError(
          409,
          'ConflictError',
          'REL-000042 was changed by someone else: you sent version 5, it is now at version 6.',
        ),
      );
    const { handlers, rendered } = renderDialog({ transition });
    await rendered;
    fireEvent.mouseDown(screen.getByLabelText('Outcome'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'partial' }),
    );
    await userEvent.type(
      screen.getByLabelText('Closure notes'),
      'One region left behind',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));

    expect(
      await screen.findByText(/Someone else changed this release/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Closure notes')).toHaveValue(
      'One region left behind',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(handlers.onReload).toHaveBeenCalled();
    expect(handlers.onDone).not.toHaveBeenCalled();
  });

  it('says what requesting authorization does and which readiness items are missing', async () => {
    const planning = aRelease({
      status: 'planning',
      allowedActions: ['request-authorization', 'suspend', 'cancel'],
      approvals: { ...aRelease().approvals, policySource: 'portfolio' },
      readiness: [
        { item: 'deployment-activities', present: true },
        { item: 'backout-plan', present: false },
        { item: 'knowledge-article', present: false },
      ],
    });
    await renderDialog(
      { transition: jest.fn() },
      'request-authorization',
      planning,
    ).rendered;
    expect(
      screen.getByRole('dialog', {
        name: 'Request authorization REL-000042',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/the release waits in Awaiting approval/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'The release model asks for these before authorization is requested: Backout plan, Knowledge article.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Request authorization' }),
    ).toBeInTheDocument();
  });

  it("shows the server's refusal naming the missing readiness items", async () => {
    const transition = jest.fn().mockRejectedValue(
      backendError(
        409,
        'ConflictError',
        'Cannot request authorization of REL-000042: missing backout-plan (a backout plan), test-evidence (a link to the test evidence)',
        [
          { field: 'backout-plan', message: 'a backout plan is required' },
          {
            field: 'test-evidence',
            message: 'a link to the test evidence is required',
          },
        ],
      ),
    );
    const planning = aRelease({ status: 'planning' });
    const { handlers, rendered } = renderDialog(
      { transition },
      'request-authorization',
      planning,
    );
    await rendered;
    await userEvent.click(
      screen.getByRole('button', { name: 'Request authorization' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'REL-000042 is missing what its release model asks for before authorization: Backout plan, Test evidence link.',
    );
    expect(transition).toHaveBeenCalledWith(planning.id, {
      action: 'request-authorization',
      expectedVersion: 5,
    });
    expect(handlers.onDone).not.toHaveBeenCalled();
  });
});
