import { expect, test } from './fixtures';
import { openAsGuest } from '../../app/e2e-tests/signIn';
import { expectOnePageHeader } from './pageHeader';

test('the delivery sub-page compares executor groups with their figures', async ({
  page,
}) => {
  await openAsGuest(page, '/release/delivery');
  const table = page.getByRole('table', { name: 'Delivery comparison' });
  await expect(
    table.getByRole('columnheader', { name: 'Executor group' }),
  ).toBeVisible();
  // Each row names its group and the share of its closed releases that failed.
  await expect(
    table.getByRole('link', { name: / Team$/ }).first(),
  ).toBeVisible();
  await expect(table.locator('tbody tr').first()).toContainText(/\d+%/);
  await expectOnePageHeader(page);
});

test("a system's overview shows its delivery card with figures", async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/system/storefront');
  const leadTime = page.getByRole('group', { name: 'Lead time' });
  await expect(leadTime).toBeVisible();
  await expect(leadTime).toContainText(/\d+ (day|hour|minute)/);
  await expect(
    page.getByRole('img', { name: 'Releases executed per month' }),
  ).toBeVisible();
});
