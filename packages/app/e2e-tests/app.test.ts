import { saveDesktopScreenshot } from './desktopScreenshot';
import { expect, test } from './fixtures';
import { openAsGuest } from './signIn';

test('the catalog lists the example configuration items', async ({ page }) => {
  // The guest belongs to the platform team, so the catalog opens on "Owned";
  // ask for every component.
  await openAsGuest(page, '/catalog?filters[kind]=component&filters[user]=all');

  await expect(page.getByText('ACME Catalog')).toBeVisible();
  // 20 example components, this repository and its three plugin packages.
  await expect(page.getByText('All Components (24)')).toBeVisible();
  const table = page.getByRole('table');
  for (const component of [
    'Orders service',
    'Checkout service',
    'Release management backend plugin',
  ]) {
    await expect(table.getByRole('link', { name: component })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('catalog.png') });
});

test('the release management page renders from the sidebar', async ({
  page,
}) => {
  await openAsGuest(page, '/catalog');

  await page.getByRole('link', { name: 'Releases' }).click();

  await expect(page).toHaveURL(/\/release$/);
  await expect(
    page.getByRole('heading', { name: 'Release management' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Release desktop' }),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('release-page.png') });
  await saveDesktopScreenshot(page);
});
