import { expect, test } from './fixtures';
import { saveDesktopScreenshot } from '../../app/e2e-tests/desktopScreenshot';
import { act, registerFromDesktop } from '../../app/e2e-tests/releaseSteps';
import { openAsGuest } from '../../app/e2e-tests/signIn';
import { expectOnePageHeader } from './pageHeader';

test('the release desktop opens from the navigation with its charts', async ({
  page,
}) => {
  await openAsGuest(page, '/catalog');
  await page.getByRole('link', { name: 'Releases' }).click();

  await expect(
    page.getByRole('heading', { name: 'Release desktop' }),
  ).toBeVisible();
  // Each chart writes its figures beside its bars, e.g. "Planning 2 · ...".
  for (const chart of ['By status', 'By priority', 'By executor group']) {
    await expect(page.getByLabel(chart, { exact: true })).toHaveText(/\w \d+/);
  }
  await expect(page.locator('.recharts-surface')).toHaveCount(3);
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expectOnePageHeader(page);
  await saveDesktopScreenshot(page);
});

test('a release registered from the desktop gets its page and is listed on the desktop', async ({
  page,
}) => {
  const title = `Mail relay rollout ${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  const number = await registerFromDesktop(page, title);
  await expectOnePageHeader(page);

  await page.goBack();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row.getByRole('link', { name: number })).toBeVisible();
  await expectOnePageHeader(page);
});

test('a release page takes a transition and records it in the history', async ({
  page,
}) => {
  const title = `Queue resize ${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  await registerFromDesktop(page, title);
  await expect(page.getByRole('button', { name: 'Authorize' })).toHaveCount(0);

  await act(page, 'Plan');
  // Planning offers what comes next and no longer offers "Plan".
  await expect(
    page.getByRole('button', { name: 'Authorize', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Plan', exact: true }),
  ).toHaveCount(0);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(
    page
      .getByRole('list', { name: 'History' })
      .getByText('plan: Registered → Planning'),
  ).toBeVisible();
  await expectOnePageHeader(page);
});
