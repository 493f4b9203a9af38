import { Page, test } from '@playwright/test';
import { dirname, join } from 'node:path';

/**
 * Saves the release desktop as `e2e-test-report/screenshots/desktop-<app>.png`,
 * one per Playwright project (app), a picture of each app kept with the
 * report.
 */
export async function saveDesktopScreenshot(page: Page) {
  const info = test.info();
  const root = dirname(info.config.configFile ?? info.config.rootDir);
  await page.screenshot({
    path: join(
      root,
      'e2e-test-report',
      'screenshots',
      `desktop-${info.project.name}.png`,
    ),
  });
}
