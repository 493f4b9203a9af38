import { Page, test } from '@playwright/test';
import { dirname, join } from 'node:path';

/**
 * Saves the page as `e2e-test-report/screenshots/<name>.png`, a picture kept
 * with the report under a name that does not change from run to run.
 */
export async function saveReportScreenshot(page: Page, name: string) {
  const info = test.info();
  const root = dirname(info.config.configFile ?? info.config.rootDir);
  await page.screenshot({
    path: join(root, 'e2e-test-report', 'screenshots', `${name}.png`),
  });
}
