import { releaseFormats } from './formatting';

describe('releaseFormats', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-05T09:00:00') });
  });
  afterEach(() => jest.useRealTimers());

  it('writes dates, relative times, durations and numbers in Brazilian Portuguese', () => {
    const format = releaseFormats('pt-BR');
    expect(format.dateTime('2026-12-02T09:00:00')).toBe('02/12/2026 09:00');
    expect(format.date('2026-12-02T09:00:00')).toBe('02/12/2026');
    expect(format.window('2026-12-02T09:00:00', '2026-12-02T11:30:00')).toBe(
      '02/12/2026 09:00 – 11:30',
    );
    expect(format.relative('2026-12-02T09:00:00')).toBe('há 3 dias');
    expect(format.duration((3 * 24 + 4) * 3_600_000)).toBe('3 dias, 4 horas');
    expect(format.duration(90_000)).toBe('1 minuto');
    expect(format.number(12345)).toBe('12.345');
    expect(format.decimal(2.25)).toBe('2,3');
    expect(format.percent(0.75)).toBe('75%');
  });

  it('keeps the medium English forms in English', () => {
    const format = releaseFormats('en');
    expect(format.dateTime('2026-12-02T09:00:00')).toBe('Dec 2, 2026, 9:00 AM');
    expect(format.window('2026-12-02T09:00:00', '2026-12-03T11:30:00')).toBe(
      'Dec 2, 2026, 9:00 AM – Dec 3, 2026, 11:30 AM',
    );
    expect(format.relative('2026-12-02T09:00:00')).toBe('3 days ago');
    expect(format.duration((3 * 24 + 4) * 3_600_000)).toBe('3 days, 4 hours');
    expect(format.number(12345)).toBe('12,345');
    expect(format.dateTime(null)).toBe('—');
  });
});
