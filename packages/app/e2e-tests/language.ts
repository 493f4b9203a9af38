import { expect, Page } from '@playwright/test';

/**
 * The language picker under Settings → Appearance, by the label the settings
 * plugin gives it (it has no Portuguese of its own).
 */
export function languagePicker(page: Page) {
  return page
    .getByRole('listitem')
    .filter({ hasText: 'Language' })
    .getByRole('button');
}

/**
 * Picks the interface language in the settings, as a user does; the app
 * keeps the choice in the browser's local storage.
 */
export async function chooseLanguage(page: Page, language: string) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await languagePicker(page).click();
  await page.getByRole('option', { name: language }).click();
  await expect(languagePicker(page)).toHaveText(language);
}
