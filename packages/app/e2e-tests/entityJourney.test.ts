import { expect, test } from './fixtures';
import { separateWindow } from './releaseSteps';
import { openAsGuest } from './signIn';

test('a platform team registers a release from a database page, sees it reach a dependent component, and meets the conflict it causes', async ({
  page,
}) => {
  const suffix = Date.now() % 100000;
  const window = separateWindow();

  // Register from the database's Releases tab: the database is the CI.
  await openAsGuest(page, '/catalog/default/resource/orders-db/releases');
  await page.getByRole('button', { name: 'Register release' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Orders database (Resource)')).toBeVisible();
  await dialog.getByLabel('Title').fill(`Orders database upgrade ${suffix}`);
  await dialog
    .getByLabel('Business justification')
    .fill('PostgreSQL 13 goes out of support');
  await dialog.getByLabel('Planned start').fill(window.start);
  await dialog.getByLabel('Planned end').fill(window.end);
  await dialog.getByRole('button', { name: 'Register' }).click();
  const heading = page.getByRole('heading', {
    name: new RegExp(`REL-\\d{6} · Orders database upgrade ${suffix}`),
  });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).split(' · ')[0];

  // The checkout service depends on the orders service, which uses the
  // database: its Releases tab shows the release and the path.
  await page.goto('/catalog/default/component/checkout-service');
  const card = page.getByText(/in flight/);
  await expect(card).toBeVisible();
  await page.getByRole('tab', { name: 'Releases' }).click();
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row.getByText('Impacted · 2 hops')).toBeVisible();
  await expect(
    row.getByText(
      'orders-db —dependencyOf→ orders-service —dependencyOf→ checkout-service',
    ),
  ).toBeVisible();
  await page.screenshot({
    path: test.info().outputPath('entity-releases-tab.png'),
  });

  // A second release on the checkout service in the same window conflicts.
  await page.getByRole('button', { name: 'Register release' }).click();
  const second = page.getByRole('dialog');
  await second.getByLabel('Title').fill(`Checkout hotfix ${suffix}`);
  await second.getByLabel('Planned start').fill(window.start);
  await second.getByLabel('Planned end').fill(window.end);
  await second.getByRole('button', { name: 'Register' }).click();
  await expect(
    page.getByRole('heading', {
      name: new RegExp(`Checkout hotfix ${suffix}`),
    }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Conflicts' }).click();
  const overlapping = page.getByRole('list', { name: 'Overlapping releases' });
  await expect(overlapping.getByRole('link', { name: number })).toBeVisible();
  await expect(
    overlapping.getByText(/both touch .*checkout-service/),
  ).toBeVisible();

  // Follow it to the first release and see what it reaches.
  await overlapping.getByRole('link', { name: number }).click();
  await expect(heading).toBeVisible();
  await page.getByRole('tab', { name: 'Impact' }).click();
  await expect(
    page.getByRole('row').filter({ hasText: 'checkout-service' }).first(),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('impact.png') });
});
