import { expect, test } from './fixtures';
import { openAsGuest } from '../../app/e2e-tests/signIn';
import { backendUrl, guestHeaders } from './backend';
import { expectOnePageHeader } from './pageHeader';

test("the portal's search finds a closed release by its number and opens it", async ({
  page,
}) => {
  const title = 'Billing service 3.0';
  await openAsGuest(page, '/catalog');
  const headers = await guestHeaders(page);
  const closed = await (
    await page.request.get(
      `${backendUrl}/api/release/releases?status=closed&q=${encodeURIComponent(
        title,
      )}`,
      { headers },
    )
  ).json();
  const { number } = closed.items.find(
    (release: { title: string }) => release.title === title,
  );

  // The search index lives in memory and is rebuilt every minute
  // (app-config.yaml): wait until the release is indexed before searching
  // as a user.
  test.setTimeout(180_000);
  await expect(async () => {
    const response = await page.request.get(
      `${backendUrl}/api/search/query?term=${number}&types[0]=release`,
      { headers },
    );
    expect(response.status(), 'the release index').toBe(200);
    expect((await response.json()).results.length).toBeGreaterThan(0);
  }).toPass({ intervals: [2000], timeout: 120_000 });

  await page.goto(`/search?query=${number}`);
  const result = page.getByRole('link', { name: `${number} ${title}` });
  await expect(result).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: result });
  await expect(item.getByText('Closed', { exact: true })).toBeVisible();
  await expectOnePageHeader(page);
  await page.screenshot({ path: test.info().outputPath('search.png') });

  await result.click();
  await expect(
    page.getByRole('heading', { name: `${number} · ${title}` }),
  ).toBeVisible();
});
