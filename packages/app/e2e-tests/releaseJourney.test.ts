import { expect, test } from './fixtures';
import {
  act,
  addAndFinishActivity,
  choose,
  expectStatus,
  pickEntity,
  separateWindow,
} from './releaseSteps';
import { openAsGuest } from './signIn';

test('a release goes from register to close, is found among closed releases, and is reopened', async ({
  page,
}) => {
  const title = `Orders service 2.${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  await expect(
    page.getByRole('heading', { name: 'Release desktop' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Register release' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(dialog.getByText('is required')).toBeVisible();

  await dialog.getByLabel('Title').fill(title);
  await dialog
    .getByLabel('Business justification')
    .fill('Split payments for large baskets');
  // A window of its own: an open release on the same CIs in an overlapping
  // window would be a conflict that authorize refuses.
  const window = separateWindow();
  await dialog.getByLabel('Planned start').fill(window.start);
  await dialog.getByLabel('Planned end').fill(window.end);
  await pickEntity(
    page,
    dialog,
    'Configuration items',
    'Orders serv',
    /Orders service/,
  );
  await pickEntity(
    page,
    dialog,
    'Configuration items',
    'Orders data',
    /Orders database/,
  );
  await page.screenshot({ path: test.info().outputPath('register.png') });
  await dialog.getByRole('button', { name: 'Register' }).click();

  await expect(
    page.getByRole('heading', { name: new RegExp(`REL-\\d{6} · ${title}`) }),
  ).toBeVisible();
  const number = (
    await page.getByRole('heading', { level: 1 }).innerText()
  ).split(' · ')[0];
  await expectStatus(page, 'Registered');

  await act(page, 'Plan');
  await expectStatus(page, 'Planning');
  await addAndFinishActivity(page, 'Planning', 'Rollback plan');
  await act(page, 'Authorize');
  await expectStatus(page, 'Authorized');
  await act(page, 'Start deployment');
  await addAndFinishActivity(page, 'Deployment', 'Deploy to production');
  await act(page, 'Mark executed');
  await act(page, 'Close', async d => choose(page, d, 'Outcome', 'successful'));
  await expectStatus(page, 'Closed');

  await page.getByRole('tab', { name: 'Relations' }).click();
  // Each CI links to its catalog page; the link shows the entity's ref until
  // the catalog answers with its title.
  const ciLink = (path: string) =>
    page.locator(`a[href="/catalog/default/${path}"]`);
  await expect(ciLink('component/orders-service')).toBeVisible();
  await expect(ciLink('resource/orders-db')).toBeVisible();

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History' });
  for (const step of [
    'Registered · guest',
    'plan: Registered → Planning',
    'Activity updated',
    'authorize: Planning → Authorized',
    'Start deployment: Authorized → Deployment',
    'Mark executed: Deployment → Executed',
    'close: Executed → Closed',
  ]) {
    await expect(history.getByText(step).first()).toBeVisible();
  }
  await page.screenshot({
    path: test.info().outputPath('history.png'),
    fullPage: true,
  });

  // Found by CI, then by text; the CSV holds it.
  await page.goto('/release/search');
  await pickEntity(
    page,
    page,
    'Configuration item',
    'Orders data',
    /Orders database/,
  );
  await page
    .getByRole('article')
    .getByRole('button', { name: 'Search', exact: true })
    .click();
  const results = page.getByRole('table', { name: 'Closed releases' });
  await expect(results.getByText(title)).toBeVisible();
  await page.getByLabel('Number, title or description').fill(number);
  await page
    .getByRole('article')
    .getByRole('button', { name: 'Search', exact: true })
    .click();
  await expect(results.getByRole('row')).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await download
    .path()
    .then(p => require('fs').readFileSync(p!, 'utf8'));
  expect(csv).toContain(title);
  await page.screenshot({ path: test.info().outputPath('closed-search.png') });

  await results.getByRole('link', { name: number }).click();
  await act(page, 'Reopen', async d =>
    choose(page, d, 'Justification', 'Defect found after closure'),
  );
  await expectStatus(page, 'Planning');
});

test('a release is suspended with a justification, resumed, cancelled and reopened', async ({
  page,
}) => {
  await openAsGuest(page, '/release');
  await page.getByRole('button', { name: 'Register release' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel('Title')
    .fill(`Search reindex ${Date.now() % 100000}`);
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expectStatus(page, 'Registered');

  await act(page, 'Suspend', async d => {
    await choose(page, d, 'Justification', 'Change freeze');
    await d.getByLabel('Comment').fill('Until the campaign ends');
  });
  await expectStatus(page, 'Suspended');
  await act(page, 'Resume');
  await expectStatus(page, 'Registered');
  await act(page, 'Cancel release', async d =>
    choose(page, d, 'Justification', 'Duplicate registration'),
  );
  await expectStatus(page, 'Cancelled');
  await act(page, 'Reopen', async d =>
    choose(page, d, 'Justification', 'Closed by mistake'),
  );
  await expectStatus(page, 'Planning');

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.getByText('Justification: Change freeze')).toBeVisible();
  await expect(history.getByText('“Until the campaign ends”')).toBeVisible();
  await expect(history.getByText('reopen: Cancelled → Planning')).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('suspend-cancel-reopen.png'),
    fullPage: true,
  });
});

test('the desktop filters by state and keeps the filters in the URL', async ({
  page,
}) => {
  await openAsGuest(page, '/release?status=closed');
  await expect(
    page.getByRole('button', { name: /Closed \(\d+\)/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await page
    .getByLabel('Search number, title, description')
    .fill('Orders service');
  await expect(page).toHaveURL(/q=Orders/);
  await page.screenshot({ path: test.info().outputPath('desktop.png') });
});
