import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease } from '../../testUtils/releaseFixtures';
import { CalendarPage } from './CalendarPage';

describe('CalendarPage', () => {
  it('puts each planned window on its days and moves by month or week', async () => {
    const today = DateTime.local().startOf('day').plus({ hours: 9 });
    const release = aRelease({
      status: 'authorized',
      plannedStart: today.toUTC().toISO()!,
      plannedEnd: today.plus({ hours: 2 }).toUTC().toISO()!,
    });
    const getCalendar = jest.fn().mockResolvedValue([release]);
    await renderInTestApp(
      <TestApiProvider apis={[[releaseApiRef, { getCalendar }]]}>
        <CalendarPage />
      </TestApiProvider>,
      { mountedRoutes: { '/release': rootRouteRef } },
    );
    const cell = await screen.findByRole('gridcell', {
      name: today.toLocaleString(DateTime.DATE_FULL),
    });
    expect(await within(cell).findByText('REL-000042')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Week' }));
    expect(screen.getAllByRole('gridcell')).toHaveLength(7);
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const [from] = getCalendar.mock.calls.at(-1);
    expect(Date.parse(from)).toBeGreaterThan(today.toMillis());
  });
});
