import { expect, test } from '@playwright/test';
import { openAsGuest } from './signIn';

test('a manager creates a portfolio with a model and reads its page', async ({
  page,
}) => {
  const name = `Mobile apps ${Date.now() % 100000}`;
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
  await expect(page.getByText(/Success rate:/)).toBeVisible();

  await page.getByRole('button', { name: 'New model' }).click();
  const modelDialog = page.getByRole('dialog');
  await modelDialog.getByLabel('Name').fill('App store release');
  await modelDialog.getByRole('button', { name: 'Save' }).click();
  await expect(modelDialog).toBeHidden();
  const models = page.getByRole('table', { name: 'Release models' });
  await expect(models.getByText('App store release')).toBeVisible();
  await expect(models.getByText('5 planning, 5 deployment')).toBeVisible();
  await models.getByRole('button', { name: 'Activate' }).click();
  await expect(models.getByText('active', { exact: true })).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('portfolio.png'),
    fullPage: true,
  });
});

test('the calendar shows planned windows and the justification catalogue lists its reasons', async ({
  page,
}) => {
  await openAsGuest(page, '/release/calendar');
  await expect(
    page.getByRole('heading', { name: 'Release calendar' }),
  ).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Calendar' })).toBeVisible();
  await page.getByRole('button', { name: 'Week' }).click();
  await expect(page.getByRole('gridcell')).toHaveCount(7);
  await page.screenshot({ path: test.info().outputPath('calendar.png') });

  await page.goto('/release/justifications');
  const table = page.getByRole('table', { name: 'Justifications' });
  await expect(table.getByText('Change freeze')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('justifications.png') });
});
