import { useApi } from '@backstage/core-plugin-api';
import { appLanguageApiRef } from '@backstage/core-plugin-api/alpha';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { CalendarPage } from '../components/CalendarPage';
import { ClosedSearchPage } from '../components/ClosedSearchPage';
import { ReleaseDesktop } from '../components/ReleaseDesktop';
import { ReleaseDetailsPage } from '../components/ReleaseDetailsPage';
import { renderInLanguage } from '../__testUtils__/renderInLanguage';
import {
  aListItem,
  aRelease,
  historyEntry,
} from '../__testUtils__/releaseFixtures';

/** What Settings → Appearance does: picks Portuguese in the running app. */
const PickPortuguese = () => {
  const languageApi = useApi(appLanguageApiRef);
  return (
    <button type="button" onClick={() => languageApi.setLanguage('pt-BR')}>
      pt-BR
    </button>
  );
};

// Local times without an offset, so the dates read the same in any time zone.
const noon = '2026-12-05T12:00:00';

describe('dates, durations and numbers in the user language', () => {
  beforeEach(() => {
    // Only the clock is fixed; the app's timers run as usual.
    jest.useFakeTimers({
      now: new Date(noon),
      doNotFake: [
        'nextTick',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'hrtime',
        'performance',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());

  it('writes the desktop windows and lateness in pt-BR', async () => {
    await renderInLanguage('pt-BR', <ReleaseDesktop />, {
      listReleases: jest.fn().mockResolvedValue({
        items: [
          aListItem({
            status: 'authorized',
            plannedStart: '2026-12-02T06:00:00',
            plannedEnd: '2026-12-02T08:00:00',
          }),
        ],
        totalCount: 1,
        countsByStatus: { authorized: 1 },
      }),
      getBreakdown: jest.fn().mockResolvedValue({
        byStatus: {},
        byPriority: {},
        byExecutorGroup: [],
      }),
      listPortfolios: async () => [],
    });

    const table = await screen.findByRole('table', { name: 'Liberações' });
    expect(
      within(table).getByText('02/12/2026 06:00 – 08:00'),
    ).toBeInTheDocument();
    expect(
      within(table).getByText('atrasada há 3 dias, 4 horas'),
    ).toBeInTheDocument();
  });

  it('writes the release page dates and its history in pt-BR', async () => {
    const release = aRelease({
      createdAt: '2026-11-20T09:00:00',
      plannedStart: '2027-03-10T09:00:00',
      plannedEnd: '2027-03-11T17:30:00',
    });
    await renderInLanguage(
      'pt-BR',
      <Routes>
        <Route path="/release/releases/:id" element={<ReleaseDetailsPage />} />
      </Routes>,
      {
        getRelease: async () => release,
        getHistory: async () => [historyEntry({ at: '2026-12-02T09:00:00' })],
        listJustifications: async () => [],
      },
      { routeEntries: [`/release/releases/${release.id}`] },
    );

    expect(
      await screen.findByText('10/03/2027 09:00 – 11/03/2027 17:30'),
    ).toBeInTheDocument();
    expect(screen.getByText('20/11/2026 09:00')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Histórico' }));
    expect(
      await screen.findByText('02/12/2026 09:00 · há 3 dias'),
    ).toBeInTheDocument();
  });

  it('writes the closed search dates and counts in pt-BR and asks for a Portuguese CSV', async () => {
    const exportClosedCsv = jest.fn().mockResolvedValue(new Blob(['']));
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    await renderInLanguage('pt-BR', <ClosedSearchPage />, {
      searchClosed: async () => ({
        items: [
          aRelease({
            status: 'closed',
            createdAt: '2026-11-20T09:00:00',
            closedAt: '2026-12-02T17:45:00',
          }),
        ],
        totalCount: 12345,
        totalCountCapped: false,
      }),
      exportClosedCsv,
      listJustifications: async () => [],
      listPortfolios: async () => [],
    });

    expect(await screen.findByText('Resultados (12.345)')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Liberações encerradas' });
    expect(within(table).getByText('20/11/2026 09:00')).toBeInTheDocument();
    expect(within(table).getByText('02/12/2026 17:45')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Baixar CSV' }));
    expect(exportClosedCsv).toHaveBeenCalledWith({ language: 'pt-BR' });
  });

  it('names the months and weekdays in pt-BR, weeks starting on Monday', async () => {
    await renderInLanguage('pt-BR', <CalendarPage />, {
      getCalendar: async () => [],
      getBlackouts: async () => ({ windows: [], occurrences: [] }),
    });

    expect(await screen.findByText('dezembro de 2026')).toBeInTheDocument();
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(['seg.', 'ter.', 'qua.', 'qui.', 'sex.', 'sáb.', 'dom.']);
    // 1 December 2026 is a Tuesday: the month view opens on Monday 30 November.
    expect(screen.getAllByRole('gridcell')[0]).toHaveAccessibleName(
      '30 de novembro de 2026',
    );
  });

  it('names the months and weekdays in English, weeks starting on Monday as before', async () => {
    await renderInLanguage('en', <CalendarPage />, {
      getCalendar: async () => [],
      getBlackouts: async () => ({ windows: [], occurrences: [] }),
    });

    expect(await screen.findByText('December 2026')).toBeInTheDocument();
    expect(
      screen.getAllByRole('columnheader').map(header => header.textContent),
    ).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(screen.getAllByRole('gridcell')[0]).toHaveAccessibleName(
      'November 30, 2026',
    );
  });

  it('follows a change of language without a reload', async () => {
    await renderInLanguage(
      'en',
      <>
        <PickPortuguese />
        <CalendarPage />
      </>,
      {
        getCalendar: async () => [],
        getBlackouts: async () => ({ windows: [], occurrences: [] }),
      },
    );
    expect(await screen.findByText('December 2026')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'pt-BR' }));
    expect(await screen.findByText('dezembro de 2026')).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader')[0]).toHaveTextContent('seg.');
  });
});
