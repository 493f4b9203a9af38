import { expect, Page } from '@playwright/test';

/** Clicks an action button on the release page and confirms its dialog. */
export async function act(
  page: Page,
  button: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Picks an option of a select field inside a dialog or page. */
export async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']> | Page,
  label: string,
  option: string | RegExp,
) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Picks a catalog entity in an autocomplete field. */
export async function pickEntity(
  page: Page,
  scope: ReturnType<Page['getByRole']> | Page,
  label: string,
  typed: string,
  option: RegExp,
) {
  await scope.getByLabel(label).fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/**
 * Expects the release page to show the state beside its number and title:
 * in the legacy page's own header, or, under the new frontend system's
 * plugin header, in the content header its heading leads (ReleaseHeadline).
 */
export async function expectStatus(page: Page, status: string) {
  const headline = page
    .getByRole('heading', { name: /^REL-\d{6} · / })
    .locator('xpath=../..');
  await expect(
    page.locator('header').or(headline).getByText(status, { exact: true }),
  ).toBeVisible();
}

/** Adds an activity on the open phase tab and marks it done. */
export async function addAndFinishActivity(
  page: Page,
  phase: string,
  title: string,
) {
  await page.getByRole('tab', { name: phase }).click();
  await page.getByLabel(`New ${phase.toLowerCase()} activity`).fill(title);
  await page.getByRole('button', { name: 'Add activity' }).click();
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(row.getByText('done', { exact: true })).toBeVisible();
}

/**
 * A two-hour window (local `datetime-local` values) that no other run of the
 * suite has used: one slot per second of the clock, years ahead, always
 * between March and early November so no year-end freeze applies.
 */
export function separateWindow() {
  const slot = Math.floor(Date.now() / 1000) % 100_000;
  const year = 2028 + Math.floor(slot / 2000);
  const start = new Date(
    Date.UTC(year, 2, 1) + (slot % 2000) * 3 * 3600 * 1000,
  );
  const local = (date: Date) => {
    const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
    return shifted.toISOString().slice(0, 16);
  };
  return {
    start: local(start),
    end: local(new Date(start.getTime() + 2 * 3600 * 1000)),
  };
}

/**
 * Registers a release from the desktop with its title and whatever `fill`
 * adds, and returns its number once its page shows.
 */
export async function registerFromDesktop(
  page: Page,
  title: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
): Promise<string> {
  await expect(
    page.getByRole('heading', { name: 'Release desktop' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Register release' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: 'Register' }).click();
  const heading = page.getByRole('heading', {
    name: new RegExp(`REL-\\d{6} · ${title}`),
  });
  await expect(heading).toBeVisible();
  return (await heading.innerText()).split(' · ')[0];
}
