import { expect, Locator, Page } from '@playwright/test';
// The expected figures are written by the very formatter the pages use.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { releaseFormats } from '../../../plugins/release/src/components/labels/formatting';
import { saveReportScreenshot } from './reportScreenshot';
import { test } from './fixtures';
import { openAsGuest } from './signIn';

// The parts of `GET /api/release/metrics` the headline figures show.
type Metrics = {
  summary: {
    executed: number;
    closed: number;
    failed: number;
    recovered: number;
    releasesPerWeek: number;
    changeFailureRate: number | null;
    leadTimeHours: { median: number | null; p90: number | null };
    recoveryHours: { median: number | null };
  };
  levels: Record<string, string | null>;
};

const backendUrl =
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/** Headers that call the backend's API as the signed-in guest. */
async function guestHeaders(page: Page) {
  const { backstageIdentity } = await (
    await page.request.get(`${backendUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    })
  ).json();
  return { Authorization: `Bearer ${backstageIdentity.token}` };
}

// The English the example app speaks, formatted as the pages format it.
const en = releaseFormats('en');
const hours = (value: number | null) =>
  value === null ? '—' : en.duration(value * 3600 * 1000);
const levelName = (level: string | null) =>
  level ? level[0].toUpperCase() + level.slice(1) : 'No level';

/** The grid of the four headline figures, the only one with a lead time. */
const headlineFigures = (page: Page) =>
  page.getByRole('group', { name: 'Lead time' }).locator('xpath=../..');

/** The figures of the last `months` months, as the pages ask for them. */
async function metricsOf(page: Page, scope: string, months: number) {
  const to = new Date();
  const from = new Date(to);
  from.setUTCMonth(from.getUTCMonth() - months);
  const query = `${scope}&bucket=month&from=${from.toISOString()}&to=${to.toISOString()}`;
  const response = await page.request.get(
    `${backendUrl}/api/release/metrics?${query}`,
    { headers: await guestHeaders(page) },
  );
  expect(response.status()).toBe(200);
  return (await response.json()) as Metrics;
}

/** Checks each headline figure group shows the value and level of `metrics`. */
async function expectHeadlineFigures(within: Locator, metrics: Metrics) {
  const { summary, levels } = metrics;
  expect(summary.executed, 'the example history has releases').toBeGreaterThan(
    0,
  );
  const figure = (name: string) => within.getByRole('group', { name });

  const frequency = figure('Release frequency');
  await expect(frequency).toContainText(
    `${en.decimal(summary.releasesPerWeek)} per week`,
  );
  await expect(frequency).toContainText(
    `${summary.executed} release${summary.executed === 1 ? '' : 's'} executed`,
  );
  await expect(frequency).toContainText(levelName(levels.frequency));

  const leadTime = figure('Lead time');
  await expect(leadTime).toContainText(hours(summary.leadTimeHours.median));
  await expect(leadTime).toContainText(
    `90th percentile ${hours(summary.leadTimeHours.p90)}`,
  );
  await expect(leadTime).toContainText(levelName(levels.leadTime));

  const failureRate = figure('Change failure rate');
  await expect(failureRate).toContainText(
    summary.changeFailureRate === null
      ? '—'
      : en.percent(summary.changeFailureRate),
  );
  await expect(failureRate).toContainText(
    `${en.number(summary.failed)} of ${en.number(summary.closed)} closed`,
  );
  await expect(failureRate).toContainText(levelName(levels.changeFailureRate));

  const recovery = figure('Recovery time');
  await expect(recovery).toContainText(hours(summary.recoveryHours.median));
  await expect(recovery).toContainText(
    `${summary.recovered} failure${
      summary.recovered === 1 ? '' : 's'
    } recovered`,
  );
  await expect(recovery).toContainText(levelName(levels.recoveryTime));
}

test("a manager reads a portfolio's delivery figures as the API counts them", async ({
  page,
}) => {
  await openAsGuest(page, '/release/portfolios');
  await page.getByRole('link', { name: 'Digital commerce' }).click();
  await expect(
    page.getByRole('heading', { name: 'Digital commerce' }),
  ).toBeVisible();
  const portfolioId = page.url().split('/').pop()!;

  const section = headlineFigures(page);
  await expect(section.getByRole('group', { name: 'Lead time' })).toBeVisible();
  // The section shows the last six months by month.
  const metrics = await metricsOf(page, `portfolioId=${portfolioId}`, 6);
  await expectHeadlineFigures(section, metrics);
  // Each trend chart draws the months it has figures for.
  await expect(
    page
      .getByRole('figure', { name: 'Lead time and recovery (median, days)' })
      .locator('.recharts-line-curve')
      .first(),
  ).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await saveReportScreenshot(page, 'portfolio-delivery-section');
});

test("a system's overview shows its delivery card with the API's figures", async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/system/storefront');
  const card = headlineFigures(page);
  await expect(card.getByRole('group', { name: 'Lead time' })).toBeVisible();
  // The card covers the last twelve months, counting its components.
  const metrics = await metricsOf(
    page,
    `entityRef=${encodeURIComponent('system:default/storefront')}`,
    12,
  );
  await expectHeadlineFigures(card, metrics);
  await expect(
    page.getByRole('img', { name: 'Releases executed per month' }),
  ).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await saveReportScreenshot(page, 'system-delivery-card');

  await page
    .getByRole('link', { name: 'Compare with other systems and groups' })
    .click();
  await expect(page).toHaveURL(/\/release\/delivery$/);
});

test('the delivery page compares systems, sorts by a figure and links to each', async ({
  page,
}) => {
  await openAsGuest(page, '/release/delivery');
  const table = page.getByRole('table', { name: 'Delivery comparison' });
  await expect(
    table.getByRole('columnheader', { name: 'Executor group' }),
  ).toBeVisible();

  await page.getByLabel('Compare').click();
  await page.getByRole('option', { name: 'Systems' }).click();
  await expect(
    table.getByRole('columnheader', { name: 'System' }),
  ).toBeVisible();
  await expect(table.getByRole('link', { name: 'storefront' })).toBeVisible();

  const executed = async () =>
    (
      await table
        .locator('tbody tr')
        .evaluateAll(rows =>
          rows.map(row => row.querySelectorAll('td')[6]?.textContent ?? ''),
        )
    ).map(text => Number(text.replace(/\D/g, '')));
  await table.getByRole('button', { name: 'Executed' }).click();
  await expect
    .poll(async () => {
      const counts = await executed();
      return counts.every((count, i) => i === 0 || counts[i - 1] <= count);
    }, 'rows ascending by executed releases')
    .toBe(true);
  await table.getByRole('button', { name: 'Executed' }).click();
  await expect
    .poll(async () => {
      const counts = await executed();
      return counts.every((count, i) => i === 0 || counts[i - 1] >= count);
    }, 'rows descending by executed releases')
    .toBe(true);

  await table.getByRole('link', { name: 'storefront' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/storefront/);
  await expect(
    page.getByRole('heading', { name: /storefront/i }).first(),
  ).toBeVisible();
});
