import { Page } from '@playwright/test';
import {
  expect,
  expectOnlyOthersErrors,
  failingOnConsoleErrors,
  recordConsoleErrors,
  test as journey,
} from './fixtures';

/**
 * The cookie the example portal's development sign-in reads
 * (docs/example-users.md). A cookie belongs to a host, not a port, so the
 * app's origin and the backend's both receive it.
 */
const exampleUserCookie = 'example-user';

/**
 * The `test` of an app's journeys (see fixtures.ts), plus `pageAs(user)`: a
 * page in a browser context of its own, signed in as that user of the
 * example catalog (e.g. `alex`), failing the journey on its console errors
 * like the main page.
 */
export function withExampleUsers(
  appTest: ReturnType<typeof failingOnConsoleErrors>,
) {
  return appTest.extend<{ pageAs: (user: string) => Promise<Page> }>({
    pageAs: async ({ browser, baseURL, alsoNotOurs }, provide) => {
      const opened: Array<{ close(): Promise<void>; errors: string[] }> = [];
      await provide(async user => {
        const context = await browser.newContext({ baseURL });
        await context.addCookies([
          {
            name: exampleUserCookie,
            value: user,
            domain: new URL(baseURL!).hostname,
            path: '/',
          },
        ]);
        const page = await context.newPage();
        opened.push({
          close: () => context.close(),
          errors: recordConsoleErrors(page),
        });
        return page;
      });
      await Promise.all(opened.map(context => context.close()));
      expectOnlyOthersErrors(
        opened.flatMap(context => context.errors),
        alsoNotOurs,
      );
    },
  });
}

/** The legacy app's journeys' `test` with `pageAs(user)`. */
export const test = withExampleUsers(journey);

/**
 * Expects `alex`'s page to be signed in as him: the portal shows his name
 * and e-mail from the catalog, and opens the release desktop to him.
 */
export async function expectSignedInAsAlex(alex: Page) {
  await alex.goto('/settings');
  await expect(alex.getByText('Alex Moreau').first()).toBeVisible();
  await expect(
    alex.getByText('alex.moreau@acme.example.com').first(),
  ).toBeVisible();
  await alex.goto('/release');
  await expect(
    alex.getByRole('heading', { name: 'Release desktop' }),
  ).toBeVisible();
}

export { expect };
