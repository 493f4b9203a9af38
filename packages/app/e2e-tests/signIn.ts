import { expect, Page } from '@playwright/test';

/** Opens the portal at `path`, signing in as the guest user when asked. */
export async function openAsGuest(page: Page, path: string) {
  await page.goto(path);
  const enterButton = page.getByRole('button', { name: 'Enter' });
  // The sidebar's; on the settings page a breadcrumb links there too.
  const settingsLink = page.getByRole('link', { name: 'Settings' }).first();
  await expect(enterButton.or(settingsLink).first()).toBeVisible();
  if (await enterButton.isVisible()) {
    await enterButton.click();
  }
  await expect(settingsLink).toBeVisible();
}
