import { expect, test } from './fixtures';
import { choose, expectStatus } from './releaseSteps';
import { openAsGuest } from './signIn';

test('a manager creates a portfolio with templates, registers a release in it and sees it on the portfolio page and the calendar', async ({
  page,
}) => {
  const name = `Mobile apps ${Date.now() % 100000}`;
  const title = `iOS app 7.${Date.now() % 1000}`;
  await openAsGuest(page, '/release');
  await page.getByRole('button', { name: 'Portfolios' }).click();
  await expect(
    page.getByRole('heading', { name: 'Release portfolios' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'New portfolio' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Description').fill('iOS and Android releases');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByRole('button', { name: 'New model' }).click();
  const modelDialog = page.getByRole('dialog');
  await modelDialog.getByLabel('Name').fill('App store release');
  await modelDialog
    .getByLabel('Planning activities (one per line)')
    .fill('Scope\nStore listing review\nRollback plan');
  await modelDialog.getByRole('button', { name: 'Save' }).click();
  await expect(modelDialog).toBeHidden();
  const models = page.getByRole('table', { name: 'Release models' });
  await expect(models.getByText('3 planning, 5 deployment')).toBeVisible();
  await models.getByRole('button', { name: 'Activate' }).click();
  await expect(models.getByText('active', { exact: true })).toBeVisible();

  // Register a release in the portfolio with the model's templates.
  await page.goto('/release');
  await page.getByRole('button', { name: 'Register release' }).click();
  const register = page.getByRole('dialog');
  await register.getByLabel('Title').fill(title);
  await choose(page, register, 'Portfolio', name);
  await choose(page, register, 'Release model', 'App store release');
  const start = new Date(Date.now() + 3 * 24 * 3600 * 1000);
  const day = start.toISOString().slice(0, 10);
  await register.getByLabel('Planned start').fill(`${day}T09:00`);
  await register.getByLabel('Planned end').fill(`${day}T11:00`);
  await register.getByRole('button', { name: 'Register' }).click();
  await expectStatus(page, 'Registered');
  await page.getByRole('tab', { name: 'Planning' }).click();
  await expect(
    page.getByRole('table', { name: 'planning activities' }).getByRole('row'),
  ).toHaveCount(4);

  await page.goto('/release/portfolios');
  await page.getByRole('link', { name }).click();
  await expect(
    page.getByRole('list', { name: 'Roadmap' }).getByText(title),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Upcoming windows' }).getByText(title),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('portfolio.png'),
    fullPage: true,
  });

  await page.goto('/release/calendar');
  await page.getByRole('button', { name: 'Week' }).click();
  if (!(await page.getByText(title).isVisible())) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(
    page.getByRole('grid', { name: 'Calendar' }).getByText(title),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('calendar.png') });
});

test('the justification catalogue lists its reasons', async ({ page }) => {
  await openAsGuest(page, '/release/justifications');
  const table = page.getByRole('table', { name: 'Justifications' });
  await expect(table.getByText('Change freeze')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('justifications.png') });
});
