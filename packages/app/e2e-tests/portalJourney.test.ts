import { expect, test } from './fixtures';
import {
  act,
  choose,
  expectStatus,
  pickEntity,
  registerFromDesktop,
} from './releaseSteps';
import { unmuteReleaseNotifications } from './notificationSettings';
import { openAsGuest } from './signIn';

/** The portal's backend, for what the test waits on rather than does. */
const backendUrl =
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

test('the manager hears of a transition in the notifications, which lead back to the release', async ({
  page,
}) => {
  const title = `Billing export ${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  const number = await registerFromDesktop(page, title, dialog =>
    pickEntity(page, dialog, 'Manager', 'Guest', /Guest User/),
  );
  const heading = page.getByRole('heading', { name: `${number} · ${title}` });
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

test('a manager mutes one kind of release notification in the settings and hears no more of it', async ({
  page,
}) => {
  const title = `Ledger rollover ${Date.now() % 100000}`;
  await openAsGuest(page, '/release');
  await unmuteReleaseNotifications(page);
  const number = await registerFromDesktop(page, title, dialog =>
    pickEntity(page, dialog, 'Manager', 'Guest', /Guest User/),
  );
  const releaseUrl = page.url();
  const suspend = () =>
    act(page, 'Suspend', async d => {
      await choose(page, d, 'Justification', 'Change freeze');
    });
  const notifications = async () => {
    await page.goto('/notifications');
    return {
      suspended: page.getByRole('link', {
        name: `${number} was suspended: ${title}`,
      }),
      resumed: page.getByRole('link', {
        name: `${number} was resumed: ${title}`,
      }),
    };
  };
  await suspend();
  await expectStatus(page, 'Suspended');
  await expect((await notifications()).suspended).toBeVisible();

  // The settings list the topics the user has been notified of.
  await page.goto('/settings/notifications');
  const origin = page
    .getByRole('row')
    .filter({ hasText: 'Release management' });
  await origin.getByRole('button', { name: 'expand row' }).click();
  const suspendedTopic = page
    .getByRole('row')
    .filter({ hasText: 'Release suspended' })
    .getByRole('switch');
  await expect(suspendedTopic).toBeChecked();
  try {
    await suspendedTopic.click({ force: true });
    await expect(suspendedTopic).not.toBeChecked();

    await page.goto(releaseUrl);
    await act(page, 'Resume');
    await expectStatus(page, 'Registered');
    await suspend();
    await expectStatus(page, 'Suspended');

    // Notifications are sent before the transition answers: the resume
    // still shows, and the muted suspension did not replace it.
    const shown = await notifications();
    await expect(shown.resumed).toBeVisible();
    await expect(shown.suspended).toHaveCount(0);
  } finally {
    await unmuteReleaseNotifications(page);
  }
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

  // The search index lives in memory and is rebuilt every minute
  // (app-config.yaml). Until a type is indexed, a query for it is an error,
  // so wait for releases and the catalog (which the search page asks for
  // first) through the search API before searching as a user.
  test.setTimeout(180_000);
  await expect(async () => {
    const { backstageIdentity } = await (
      await page.request.get(`${backendUrl}/api/auth/guest/refresh`, {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      })
    ).json();
    for (const type of ['release', 'software-catalog']) {
      const response = await page.request.get(
        `${backendUrl}/api/search/query?term=${number}&types[0]=${type}`,
        { headers: { Authorization: `Bearer ${backstageIdentity.token}` } },
      );
      expect(response.status(), `the ${type} index`).toBe(200);
    }
  }).toPass({ intervals: [2000], timeout: 120_000 });

  await page.goto(`/search?query=${number}`);
  await page.getByRole('button', { name: 'Releases' }).click();
  await expect(page).toHaveURL(/types%5B%5D=release/);
  const result = page.getByRole('link', { name: `${number} ${title}` });
  await expect(result).toBeVisible();
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
  await registerFromDesktop(page, title);
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
