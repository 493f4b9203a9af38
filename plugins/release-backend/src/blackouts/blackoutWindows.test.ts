import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import {
  blackoutHits,
  occurrencesBetween,
  readBlackoutWindows,
} from './blackoutWindows';

const config = (windows: JsonValue[]) =>
  new ConfigReader({ release: { blackoutWindows: windows } });

describe('blackout windows', () => {
  const windows = readBlackoutWindows(
    config([
      {
        name: 'Year-end freeze',
        start: '2025-12-20T00:00:00Z',
        end: '2026-01-03T00:00:00Z',
        recurrence: 'yearly',
      },
      {
        name: 'Weekend data freeze',
        start: '2026-01-03T00:00:00Z',
        end: '2026-01-05T06:00:00Z',
        recurrence: 'weekly',
        tags: ['database'],
      },
      {
        name: 'Payments audit',
        start: '2026-03-10T08:00:00Z',
        end: '2026-03-10T18:00:00Z',
        entityRefs: ['System:payments'],
      },
    ]),
  );

  it('repeats yearly and weekly windows into the period asked for', () => {
    const yearEnd = occurrencesBetween(
      windows.slice(0, 1),
      new Date('2027-11-01T00:00:00Z'),
      new Date('2028-02-01T00:00:00Z'),
    );
    expect(yearEnd.map(o => [o.start, o.end])).toEqual([
      ['2027-12-20T00:00:00.000Z', '2028-01-03T00:00:00.000Z'],
    ]);

    const weekends = occurrencesBetween(
      windows.slice(1, 2),
      new Date('2026-06-01T00:00:00Z'),
      new Date('2026-06-15T00:00:00Z'),
    );
    expect(weekends.map(o => o.start)).toEqual([
      '2026-05-30T00:00:00.000Z',
      '2026-06-06T00:00:00.000Z',
      '2026-06-13T00:00:00.000Z',
    ]);
    // Nothing before the first occurrence.
    expect(
      occurrencesBetween(
        windows,
        new Date('2025-01-01T00:00:00Z'),
        new Date('2025-02-01T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('applies filtered windows only to releases touching a listed entity or tag', () => {
    const monday = {
      start: new Date('2026-03-09T05:00:00Z'),
      end: new Date('2026-03-10T09:00:00Z'),
    };
    const names = (touched: Array<{ entityRef: string; tags: string[] }>) =>
      blackoutHits(windows, monday, touched).map(h => h.name);

    expect(names([{ entityRef: 'component:default/web', tags: [] }])).toEqual(
      [],
    );
    expect(
      names([
        { entityRef: 'resource:default/orders-db', tags: ['database'] },
        { entityRef: 'system:default/payments', tags: [] },
      ]),
    ).toEqual(['Weekend data freeze', 'Payments audit']);
  });

  it('stops start-up on a window it cannot understand, naming it', () => {
    expect(() =>
      readBlackoutWindows(
        config([{ name: 'x', start: 'soon', end: '2026-01-01T00:00:00Z' }]),
      ),
    ).toThrow('release.blackoutWindows[0].start');
    expect(() =>
      readBlackoutWindows(
        config([
          {
            name: 'x',
            start: '2026-01-02T00:00:00Z',
            end: '2026-01-01T00:00:00Z',
          },
        ]),
      ),
    ).toThrow('end must be after');
    expect(() =>
      readBlackoutWindows(
        config([
          {
            name: 'x',
            start: '2026-01-01T00:00:00Z',
            end: '2026-01-20T00:00:00Z',
            recurrence: 'weekly',
          },
        ]),
      ),
    ).toThrow('longer than its weekly recurrence');
    expect(() =>
      readBlackoutWindows(
        config([
          {
            name: 'x',
            start: '2026-01-01T00:00:00Z',
            end: '2026-01-02T00:00:00Z',
            entityRefs: ['user:default/ana'],
          },
        ]),
      ),
    ).toThrow("'user:default/ana' is not an entity ref");
  });
});
