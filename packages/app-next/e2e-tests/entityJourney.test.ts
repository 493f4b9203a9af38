import { expect, test } from './fixtures';
import {
  pickEntity,
  registerFromDesktop,
} from '../../app/e2e-tests/releaseSteps';
import { openAsGuest } from '../../app/e2e-tests/signIn';
import { expectOnePageHeader } from './pageHeader';

/**
 * A planned window (local `datetime-local` values) that starts before the
 * window of any release an earlier run registered: the later the run, the
 * earlier the start (mirrored around a fixed date). It ends ten minutes from
 * now, so the entity card's "next window" is this release.
 */
function windowBeforeEveryEarlierRun() {
  const mirror = Date.UTC(2026, 11, 1);
  const now = Date.now();
  const local = (time: number) => {
    const date = new Date(time);
    const shifted = new Date(time - date.getTimezoneOffset() * 60000);
    return shifted.toISOString().slice(0, 16);
  };
  return { start: local(2 * mirror - now), end: local(now + 10 * 60000) };
}

test("a release of a queue shows on a dependent component's overview card and Releases tab, with its impact path", async ({
  page,
}) => {
  // The notification service depends on the events queue; no other journey
  // and no example release touches either.
  const title = `Events queue upgrade ${Date.now() % 100000}`;
  const window = windowBeforeEveryEarlierRun();
  await openAsGuest(page, '/release');
  const number = await registerFromDesktop(page, title, async dialog => {
    await dialog.getByLabel('Planned start').fill(window.start);
    await dialog.getByLabel('Planned end').fill(window.end);
    await pickEntity(
      page,
      dialog,
      'Configuration items',
      'Events qu',
      /Events queue/,
    );
  });

  await page.goto('/catalog/default/component/notification-service');
  const nextWindow = page
    .getByText('Next window')
    .locator('..')
    .filter({ hasText: title });
  await expect(nextWindow.getByRole('link', { name: number })).toBeVisible();
  await expect(page.getByText(/releases? in flight/)).toBeVisible();
  await expectOnePageHeader(page);
  await page.screenshot({
    path: test.info().outputPath('entity-overview-card.png'),
  });

  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Releases' })
    .click();
  await expect(page).toHaveURL(/notification-service\/releases$/);
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row.getByText('Impacted · 1 hop')).toBeVisible();
  await expect(
    row.getByText('events-queue —dependencyOf→ notification-service'),
  ).toBeVisible();
  await expectOnePageHeader(page);
  await page.screenshot({
    path: test.info().outputPath('entity-releases-tab.png'),
  });
});
