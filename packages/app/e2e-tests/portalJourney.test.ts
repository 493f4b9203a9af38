import { expect, test } from './fixtures';
import { act, expectStatus, pickEntity } from './releaseSteps';
import { openAsGuest } from './signIn';

test('the manager hears of a transition in the notifications, which lead back to the release', async ({
  page,
}) => {
  const title = `Billing export ${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  await expect(
    page.getByRole('heading', { name: 'Release desktop' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Register release' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await pickEntity(page, dialog, 'Manager', 'Guest', /Guest User/);
  await dialog.getByRole('button', { name: 'Register' }).click();
  const heading = page.getByRole('heading', {
    name: new RegExp(`REL-\\d{6} · ${title}`),
  });
  await expect(heading).toBeVisible();
  const number = (await heading.innerText()).split(' · ')[0];
  const releaseUrl = page.url();

  await act(page, 'Plan');
  await expectStatus(page, 'Planning');

  await page
    .getByRole('link', { name: /Notifications/ })
    .first()
    .click();
  const notification = page.getByRole('link', {
    name: `${number} is being planned: ${title}`,
  });
  await expect(notification).toBeVisible();
  await expect(
    page.getByText(`Release ${number} is now planning.`),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('notifications.png') });

  await notification.click();
  await expect(heading).toBeVisible();
  expect(page.url()).toBe(releaseUrl);
});

test("the portal's search finds a closed release by its number and opens it", async ({
  page,
}) => {
  const title = 'Billing service 3.0';
  await openAsGuest(page, '/release?status=closed&q=Billing%20service');
  const row = page.getByRole('row').filter({ hasText: title });
  const number = await row
    .getByRole('link', { name: /^REL-\d{6}$/ })
    .innerText();

  // The index is built on a schedule: the first run follows the backend's
  // start by a few seconds.
  const result = page.getByRole('link', { name: `${number} ${title}` });
  await expect(async () => {
    await page.goto(`/search?query=${number}`);
    await page.getByRole('button', { name: 'Releases' }).click();
    await expect(page).toHaveURL(/types%5B%5D=release/);
    await expect(result).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 75_000 });
  const item = page.getByRole('listitem').filter({ has: result });
  await expect(item.getByText('Closed', { exact: true })).toBeVisible();
  await expect(item.getByText(/^Closed: /)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('search.png') });

  await result.click();
  await expect(
    page.getByRole('heading', { name: `${number} · ${title}` }),
  ).toBeVisible();
});

test('a release page open in one window follows a transition made in another, without a reload', async ({
  page,
  context,
}) => {
  const title = `Ledger export ${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  await expect(
    page.getByRole('heading', { name: 'Release desktop' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Register release' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Register' }).click();
  const heading = page.getByRole('heading', {
    name: new RegExp(`REL-\\d{6} · ${title}`),
  });
  await expect(heading).toBeVisible();
  await expectStatus(page, 'Registered');
  const reloads: string[] = [];
  page.on('framenavigated', frame => {
    if (frame === page.mainFrame()) reloads.push(frame.url());
  });

  const other = await context.newPage();
  await other.goto(page.url());
  await expectStatus(other, 'Registered');
  await act(other, 'Plan');
  await expectStatus(other, 'Planning');

  await expectStatus(page, 'Planning');
  expect(reloads).toEqual([]);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(
    page
      .getByRole('list', { name: 'History' })
      .getByText('plan: Registered → Planning'),
  ).toBeVisible();
});
