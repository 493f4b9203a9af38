import { expect, Page, test } from '@playwright/test';
import { openAsGuest } from './signIn';

async function act(
  page: Page,
  button: string,
  fill?: (page: Page) => Promise<void>,
) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(page);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a release manager registers a release and takes it from planning to closed', async ({
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
  await dialog.getByLabel('Planned start').fill('2027-03-10T09:00');
  await dialog.getByLabel('Planned end').fill('2027-03-10T11:00');
  await dialog.getByLabel('Configuration items').fill('Orders serv');
  await page.getByRole('option', { name: /Orders service/ }).click();
  await page.screenshot({ path: test.info().outputPath('register.png') });
  await dialog.getByRole('button', { name: 'Register' }).click();

  await expect(
    page.getByRole('heading', { name: new RegExp(`REL-\\d{6} · ${title}`) }),
  ).toBeVisible();
  await expect(
    page.getByText('Registered', { exact: true }).first(),
  ).toBeVisible();

  await act(page, 'Plan');
  await expect(
    page.getByText('Planning', { exact: true }).first(),
  ).toBeVisible();
  await act(page, 'Authorize');
  await act(page, 'Start deployment');
  await act(page, 'Mark executed');
  await act(page, 'Close', async p => {
    await p.getByRole('dialog').getByLabel('Outcome').click();
    await p.getByRole('option', { name: 'successful' }).click();
  });
  await expect(page.getByText('Closed', { exact: true }).first()).toBeVisible();

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('list', { name: 'History' });
  for (const step of [
    'plan: Registered → Planning',
    'close: Executed → Closed',
  ]) {
    await expect(history.getByText(new RegExp(step))).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('history.png') });

  await page.goto('/release/search');
  await page.getByLabel('Number, title or description').fill(title);
  await page
    .getByRole('article')
    .getByRole('button', { name: 'Search', exact: true })
    .click();
  await expect(
    page.getByRole('table', { name: 'Closed releases' }).getByText(title),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('closed-search.png') });
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
