import { DateTime, Duration, DurationLikeObject } from 'luxon';

/**
 * Dates, times, durations and numbers as the user's language writes them.
 * English keeps its medium forms ("Dec 2, 2026, 9:00 AM");
 * other languages get the short numeric ones ("02/12/2026 09:00" in pt-BR).
 */
export function releaseFormats(locale: string) {
  const english = locale === 'en' || locale.startsWith('en-');
  const at = (iso: string) => DateTime.fromISO(iso).setLocale(locale);
  const dateTimeOf = (value: DateTime) =>
    english
      ? value.toLocaleString(DateTime.DATETIME_MED)
      : `${value.toLocaleString(DateTime.DATE_SHORT)} ${value.toLocaleString(
          DateTime.TIME_SIMPLE,
        )}`;
  const numbers = new Intl.NumberFormat(locale);

  return {
    locale,
    /** A date and time, or an em dash. */
    dateTime: (iso: string | null | undefined): string =>
      iso ? dateTimeOf(at(iso)) : '—',
    /** A date without its time, or an em dash. */
    date: (iso: string | null | undefined): string =>
      iso
        ? at(iso).toLocaleString(
            english ? DateTime.DATE_MED : DateTime.DATE_SHORT,
          )
        : '—',
    /** How long ago or from now, e.g. "3 days ago" or "há 3 dias". */
    relative: (iso: string): string => at(iso).toRelative() ?? '',
    /**
     * A planned window, e.g. "02/12/2026 09:00 – 11:00", or undefined when
     * it is not planned.
     */
    window: (
      start: string | null | undefined,
      end: string | null | undefined,
    ): string | undefined => {
      if (!start || !end) return undefined;
      const from = at(start);
      const to = at(end);
      return `${dateTimeOf(from)} – ${
        from.hasSame(to, 'day')
          ? to.toLocaleString(DateTime.TIME_SIMPLE)
          : dateTimeOf(to)
      }`;
    },
    /** A span in days, hours and minutes, e.g. "3 days, 4 hours". */
    duration: (milliseconds: number): string => {
      const whole = Duration.fromMillis(milliseconds).shiftTo(
        'days',
        'hours',
        'minutes',
      );
      const parts: DurationLikeObject = {};
      if (whole.days >= 1) parts.days = Math.floor(whole.days);
      if (whole.hours >= 1) parts.hours = Math.floor(whole.hours);
      if (!parts.days && !parts.hours)
        parts.minutes = Math.max(1, Math.floor(whole.minutes));
      return Duration.fromObject(parts, { locale }).toHuman();
    },
    /** A count, with the language's grouping, e.g. "1,234" or "1.234". */
    number: (value: number): string => numbers.format(value),
    /** A number with one decimal, e.g. "2.5" or "2,5". */
    decimal: (value: number): string =>
      value.toLocaleString(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }),
    /** A share of one as a percentage, e.g. "75%". */
    percent: (share: number): string =>
      share.toLocaleString(locale, { style: 'percent' }),
  };
}

/** The formatters of `releaseFormats`. */
export type ReleaseFormats = ReturnType<typeof releaseFormats>;
