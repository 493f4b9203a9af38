import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { releaseApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { aRelease } from '../../__testUtils__/releaseFixtures';
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
    const getBlackouts = jest
      .fn()
      .mockResolvedValue({ windows: [], occurrences: [] });
    await renderInTestApp(
      <TestApiProvider apis={[[releaseApiRef, { getCalendar, getBlackouts }]]}>
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

  it('shades the days of a blackout window and names it', async () => {
    const tomorrow = DateTime.local().startOf('day').plus({ days: 1 });
    const occurrence = {
      name: 'Year-end payments freeze',
      description: 'Books close',
      start: tomorrow.toUTC().toISO()!,
      end: tomorrow.plus({ days: 1 }).toUTC().toISO()!,
      recurrence: 'yearly',
      entityRefs: ['system:default/payments'],
      tags: [],
    };
    const getBlackouts = jest
      .fn()
      .mockResolvedValue({ windows: [occurrence], occurrences: [occurrence] });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            releaseApiRef,
            { getCalendar: jest.fn().mockResolvedValue([]), getBlackouts },
          ],
        ]}
      >
        <CalendarPage />
      </TestApiProvider>,
      { mountedRoutes: { '/release': rootRouteRef } },
    );
    // Week view: tomorrow may be in next month's first week otherwise.
    await userEvent.click(screen.getByRole('button', { name: 'Week' }));
    if (tomorrow.weekNumber !== DateTime.local().weekNumber) {
      await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    }
    const shaded = await screen.findByRole('gridcell', {
      name: tomorrow.toLocaleString(DateTime.DATE_FULL),
    });
    const label = await within(shaded).findByText(
      'Blackout: Year-end payments freeze',
    );
    expect(label).toHaveAttribute(
      'title',
      'Books close (only releases touching payments)',
    );
    expect(shaded.style.background).toContain('repeating-linear-gradient');
    const unshaded = screen.getByRole('gridcell', {
      name: tomorrow.minus({ days: 1 }).toLocaleString(DateTime.DATE_FULL),
    });
    expect(within(unshaded).queryByText(/Blackout:/)).toBeNull();
    expect(
      screen.getByText(
        /Blackout windows \(Year-end payments freeze\): no release window/,
      ),
    ).toBeVisible();
  });
});
