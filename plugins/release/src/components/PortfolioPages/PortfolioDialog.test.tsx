import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Portfolio } from '@internal/plugin-release-common';
import { backendError } from '../../testUtils/backendError';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { PortfolioDialog } from './PortfolioDialog';

const portfolio: Portfolio = {
  id: 'p1',
  name: 'Digital commerce',
  description: 'Shop and checkout',
  icon: null,
  ownerGroup: null,
  authorizerGroup: 'group:default/release-managers',
};

describe('PortfolioDialog', () => {
  it("shows the server's refusal on the field it names, and saves nothing", async () => {
    const createPortfolio = jest
      .fn()
      .mockRejectedValue(
        backendError(400, 'InputError', 'Invalid request: name: is required'),
      );
    const onSaved = jest.fn();
    await renderWithApis(
      <PortfolioDialog onClose={jest.fn()} onSaved={onSaved} />,
      { createPortfolio },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
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
    const onSaved = jest.fn();
    await renderWithApis(
      <PortfolioDialog
        portfolio={portfolio}
        onClose={jest.fn()}
        onSaved={onSaved}
      />,
      { updatePortfolio },
    );
    expect(screen.getByText('Edit portfolio')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Digital commerce');

    await userEvent.click(screen.getByLabelText('Owner group'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Release managers' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(updatePortfolio).toHaveBeenCalledWith('p1', {
      name: 'Digital commerce',
      description: 'Shop and checkout',
      ownerGroup: 'group:default/release-managers',
      authorizerGroup: 'group:default/release-managers',
    });
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ ownerGroup: 'group:default/release-managers' }),
    );
  });
});
