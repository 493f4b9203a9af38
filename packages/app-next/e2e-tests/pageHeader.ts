import { expect, Page } from '@playwright/test';

/**
 * What draws a page header: the legacy `Header` of `@backstage/core-components`
 * (a `<header>` element) and the new frontend system's plugin page header
 * (`PluginHeader` of `@backstage/ui`, a `div`). A page showing both, or two of
 * one, has a double header.
 */
const pageHeaders = 'header, .bui-PluginHeader';

/** Expects the page to show exactly one page header. */
export async function expectOnePageHeader(page: Page) {
  await expect(page.locator(pageHeaders)).toHaveCount(1);
}
