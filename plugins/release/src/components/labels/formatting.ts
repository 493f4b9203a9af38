import { DateTime, Duration } from 'luxon';

/** A date-time as the user's locale writes it, or an em dash. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED);
}

/**
 * A planned window, e.g. "1 Dec 2026, 09:00 – 11:00", or undefined when it
 * is not planned (`useReleaseLabels().window` then says so in words).
 */
export function formatWindow(
  start: string | null | undefined,
  end: string | null | undefined,
): string | undefined {
  if (!start || !end) return undefined;
  const from = DateTime.fromISO(start);
  const to = DateTime.fromISO(end);
  const sameDay = from.hasSame(to, 'day');
  return `${from.toLocaleString(DateTime.DATETIME_MED)} – ${
    sameDay
      ? to.toLocaleString(DateTime.TIME_SIMPLE)
      : to.toLocaleString(DateTime.DATETIME_MED)
  }`;
}

/** How late, e.g. "3 days 4 hours". */
export function formatLateness(milliseconds: number): string {
  const duration = Duration.fromMillis(milliseconds).shiftTo(
    'days',
    'hours',
    'minutes',
  );
  const parts: string[] = [];
  if (duration.days >= 1) parts.push(`${Math.floor(duration.days)} d`);
  if (duration.hours >= 1) parts.push(`${Math.floor(duration.hours)} h`);
  if (parts.length === 0)
    parts.push(`${Math.max(1, Math.floor(duration.minutes))} min`);
  return parts.join(' ');
}
