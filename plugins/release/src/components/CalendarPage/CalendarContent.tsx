import {
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { BlackoutOccurrence, Release } from '@internal/plugin-release-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { releaseApiRef } from '../../api';
import { releaseRouteRef } from '../../routes';
import { ReleaseT, shortRef, statusColor, useReleaseLabels } from '../labels';

type View = 'month' | 'week';

/**
 * The days on screen. Weeks run Monday to Sunday in every language (luxon's
 * ISO weeks), as the calendar always has.
 */
function daysOf(anchor: DateTime, view: View): DateTime[] {
  const first =
    view === 'month'
      ? anchor.startOf('month').startOf('week')
      : anchor.startOf('week');
  const last =
    view === 'month'
      ? anchor.endOf('month').endOf('week')
      : anchor.endOf('week');
  const days: DateTime[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 }))
    days.push(day);
  return days;
}

function meets(release: Release, day: DateTime): boolean {
  const start = DateTime.fromISO(release.plannedStart!);
  const end = DateTime.fromISO(release.plannedEnd!);
  return start <= day.endOf('day') && end >= day.startOf('day');
}

function inBlackout(occurrence: BlackoutOccurrence, day: DateTime): boolean {
  const start = DateTime.fromISO(occurrence.start);
  const end = DateTime.fromISO(occurrence.end);
  return start <= day.endOf('day') && end > day.startOf('day');
}

/** To whom a filtered blackout applies, e.g. "only payments, tag pci". */
function scopeOf(occurrence: BlackoutOccurrence, t: ReleaseT): string {
  const scope = [
    ...occurrence.entityRefs.map(shortRef),
    ...occurrence.tags.map(tag => t('calendar.tag', { tag })),
  ];
  return scope.length
    ? ` ${t('calendar.onlyTouching', { scope: scope.join(', ') })}`
    : '';
}

const blackoutShading =
  'repeating-linear-gradient(45deg, rgba(120,120,120,0.18) 0 6px, transparent 6px 12px)';

/**
 * The forward schedule of release windows, by month or week, coloured by
 * state; without a page header, which the page around it draws.
 */
export const CalendarContent = () => {
  const releaseApi = useApi(releaseApiRef);
  const releaseLink = useRouteRef(releaseRouteRef);
  const labels = useReleaseLabels();
  const { t, locale } = labels;
  const [view, setView] = useState<View>('month');
  const [anchorDay, setAnchor] = useState(DateTime.local().startOf('day'));
  // Month and weekday names in the user's language.
  const anchor = anchorDay.setLocale(locale);
  const days = daysOf(anchor, view);
  const releases = useAsync(
    () =>
      releaseApi.getCalendar(
        days[0].toUTC().toISO()!,
        days[days.length - 1].endOf('day').toUTC().toISO()!,
      ),
    [releaseApi, days[0].toISODate(), days.length],
  );
  const blackouts = useAsync(
    () =>
      releaseApi.getBlackouts({
        from: days[0].toUTC().toISO()!,
        to: days[days.length - 1].endOf('day').toUTC().toISO()!,
      }),
    [releaseApi, days[0].toISODate(), days.length],
  );
  const occurrences = blackouts.value?.occurrences ?? [];
  // A weekly window recurs in view: name it once in the legend.
  const blackoutNames = [...new Set(occurrences.map(o => o.name))];
  const step = view === 'month' ? { months: 1 } : { weeks: 1 };

  return (
    <>
      <ContentHeader
        title={
          view === 'month'
            ? anchor.toLocaleString({ month: 'long', year: 'numeric' })
            : t('calendar.weekOf', { date: labels.date(days[0].toISO()) })
        }
      >
        <ButtonGroup size="small">
          <Button onClick={() => setAnchor(anchor.minus(step))}>
            {t('calendar.previous')}
          </Button>
          <Button onClick={() => setAnchor(DateTime.local().startOf('day'))}>
            {t('calendar.today')}
          </Button>
          <Button onClick={() => setAnchor(anchor.plus(step))}>
            {t('calendar.next')}
          </Button>
        </ButtonGroup>
        <ButtonGroup size="small" style={{ marginLeft: 16 }}>
          <Button
            variant={view === 'month' ? 'contained' : 'outlined'}
            onClick={() => setView('month')}
          >
            {t('calendar.month')}
          </Button>
          <Button
            variant={view === 'week' ? 'contained' : 'outlined'}
            onClick={() => setView('week')}
          >
            {t('calendar.week')}
          </Button>
        </ButtonGroup>
      </ContentHeader>
      {releases.error && <ResponseErrorPanel error={releases.error} />}
      {blackouts.error && <ResponseErrorPanel error={blackouts.error} />}
      {occurrences.length > 0 && (
        <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
          <Box
            width={24}
            height={16}
            border={1}
            borderColor="divider"
            style={{ background: blackoutShading }}
          />
          <Typography variant="body2">
            {t('calendar.blackoutLegend', { names: blackoutNames.join(', ') })}
          </Typography>
        </Box>
      )}
      {releases.loading && <Progress />}
      <Box
        display="grid"
        gridTemplateColumns="repeat(7, 1fr)"
        style={{ gap: 4 }}
        role="grid"
        aria-label={t('calendar.label')}
      >
        {view === 'month' &&
          days.slice(0, 7).map(day => (
            <Typography
              key={day.weekday}
              role="columnheader"
              variant="caption"
              align="center"
              color="textSecondary"
            >
              {day.toFormat('ccc')}
            </Typography>
          ))}
        {days.map(day => {
          const dayBlackouts = occurrences.filter(o => inBlackout(o, day));
          return (
            <Paper
              key={day.toISODate()}
              role="gridcell"
              aria-label={day.toLocaleString(DateTime.DATE_FULL)}
              variant="outlined"
              style={{
                minHeight: view === 'month' ? 110 : 320,
                padding: 4,
                opacity:
                  view === 'month' && day.month !== anchor.month ? 0.5 : 1,
                background: dayBlackouts.length ? blackoutShading : undefined,
              }}
            >
              <Typography
                variant="caption"
                color={
                  day.hasSame(DateTime.local(), 'day')
                    ? 'primary'
                    : 'textSecondary'
                }
              >
                {day.toFormat(view === 'month' ? 'd' : 'ccc d')}
              </Typography>
              {dayBlackouts.map(occurrence => (
                <Typography
                  key={`${occurrence.name}-${occurrence.start}`}
                  variant="caption"
                  display="block"
                  color="textSecondary"
                  title={`${occurrence.description ?? ''}${scopeOf(
                    occurrence,
                    t,
                  )}`}
                >
                  {t('calendar.blackout', { name: occurrence.name })}
                </Typography>
              ))}
              {(releases.value ?? [])
                .filter(release => meets(release, day))
                .map(release => (
                  <Box
                    key={release.id}
                    mt={0.5}
                    px={0.5}
                    borderRadius={4}
                    style={{
                      backgroundColor: statusColor(release.status),
                      color: '#fff',
                      fontSize: 12,
                    }}
                    title={`${release.number} · ${labels.status(
                      release.status,
                    )}`}
                  >
                    <Link
                      to={releaseLink({ id: release.id })}
                      style={{ color: '#fff' }}
                    >
                      {release.number}
                    </Link>{' '}
                    {release.title}
                  </Box>
                ))}
            </Paper>
          );
        })}
      </Box>
    </>
  );
};
