import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  BLACKOUT_RECURRENCES,
  BlackoutHit,
  BlackoutOccurrence,
  BlackoutRecurrence,
  BlackoutWindow,
  normalizeEntityRef,
} from '@internal/plugin-release-common';
import { DateTime, Duration } from 'luxon';

const STEP: Record<Exclude<BlackoutRecurrence, 'none'>, Duration> = {
  weekly: Duration.fromObject({ weeks: 1 }),
  yearly: Duration.fromObject({ years: 1 }),
};

/** An entity a release touches, as the impact index knows it. */
export type TouchedEntity = { entityRef: string; tags: string[] };

function readDate(config: RootConfigService, key: string, where: string) {
  const text = config.getString(key);
  const date = DateTime.fromISO(text, { setZone: true });
  if (!date.isValid) {
    throw new Error(
      `${where}.${key} must be an ISO 8601 date-time, got '${text}'`,
    );
  }
  return date;
}

/** Reads and checks `release.blackoutWindows`; a bad entry stops start-up. */
export function readBlackoutWindows(
  config: RootConfigService,
): BlackoutWindow[] {
  const entries = config.getOptionalConfigArray('release.blackoutWindows');
  return (entries ?? []).map((entry, index) => {
    const where = `release.blackoutWindows[${index}]`;
    const start = readDate(entry, 'start', where);
    const end = readDate(entry, 'end', where);
    if (end <= start) {
      throw new Error(`${where}.end must be after its start`);
    }
    const recurrence = (entry.getOptionalString('recurrence') ??
      'none') as BlackoutRecurrence;
    if (!BLACKOUT_RECURRENCES.includes(recurrence)) {
      throw new Error(
        `${where}.recurrence must be one of ${BLACKOUT_RECURRENCES.join(', ')}`,
      );
    }
    if (recurrence !== 'none' && end.diff(start) > STEP[recurrence]) {
      throw new Error(`${where} is longer than its ${recurrence} recurrence`);
    }
    const entityRefs = (entry.getOptionalStringArray('entityRefs') ?? []).map(
      text => {
        const ref = normalizeEntityRef(text, {
          kinds: ['component', 'api', 'resource', 'system', 'domain'],
        });
        if (!ref) {
          throw new Error(
            `${where}.entityRefs: '${text}' is not an entity ref`,
          );
        }
        return ref;
      },
    );
    return {
      name: entry.getString('name'),
      description: entry.getOptionalString('description') ?? null,
      start: start.toISO()!,
      end: end.toISO()!,
      recurrence,
      entityRefs,
      tags: entry.getOptionalStringArray('tags') ?? [],
    };
  });
}

/** Every occurrence of the windows that meets [from, to). */
export function occurrencesBetween(
  windows: BlackoutWindow[],
  from: Date,
  to: Date,
): BlackoutOccurrence[] {
  const periodStart = DateTime.fromJSDate(from);
  const periodEnd = DateTime.fromJSDate(to);
  const occurrences: BlackoutOccurrence[] = [];
  for (const window of windows) {
    const first = DateTime.fromISO(window.start, { setZone: true });
    const length = DateTime.fromISO(window.end, { setZone: true }).diff(first);
    const step = window.recurrence === 'none' ? null : STEP[window.recurrence];
    // Jump close to the period instead of stepping from the first occurrence.
    let n = 0;
    if (step && periodStart > first) {
      const unit = window.recurrence === 'weekly' ? 'weeks' : 'years';
      n = Math.max(0, Math.floor(periodStart.diff(first, unit).as(unit)) - 1);
    }
    for (; ; n++) {
      const start = step
        ? first.plus(
            window.recurrence === 'weekly' ? { weeks: n } : { years: n },
          )
        : first;
      const end = start.plus(length);
      if (start >= periodEnd) break;
      if (end > periodStart) {
        occurrences.push({
          ...window,
          start: start.toISO()!,
          end: end.toISO()!,
        });
      }
      if (!step) break;
    }
  }
  return occurrences.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * The occurrences a release window meets that apply to the release: a
 * window without filters applies to every release, a filtered one when the
 * release touches a listed entity or an entity with a listed tag.
 */
export function blackoutHits(
  windows: BlackoutWindow[],
  window: { start: Date; end: Date },
  touched: TouchedEntity[],
): BlackoutHit[] {
  return occurrencesBetween(windows, window.start, window.end).flatMap(
    occurrence => {
      if (occurrence.entityRefs.length === 0 && occurrence.tags.length === 0) {
        return [{ ...occurrence, matchedEntityRefs: [] }];
      }
      const matched = touched
        .filter(
          entity =>
            occurrence.entityRefs.includes(entity.entityRef) ||
            entity.tags.some(tag => occurrence.tags.includes(tag)),
        )
        .map(entity => entity.entityRef);
      return matched.length > 0
        ? [{ ...occurrence, matchedEntityRefs: matched.slice(0, 5) }]
        : [];
    },
  );
}
