import { expect, Page, test as base } from '@playwright/test';

/**
 * Deprecation warnings React logs as errors in development about libraries
 * the portal is built on (Material UI 4, material-table, recharts), not
 * about the release pages. Anything else fails the journey.
 */
const notOurs: RegExp[] = [
  /^Warning: findDOMNode is deprecated/,
  /^Warning: %s: Support for defaultProps will be removed from (function|memo) components/,
  // The notifications plugin's sidebar snackbars, when a notification
  // reaches the page twice (by signal and by polling).
  /^Warning: Encountered two children with the same key[\s\S]*NotificationsSidebarItem/,
];

/** Collects what `page` logs as a console error or throws, as it happens. */
export function recordConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

/** Fails unless every recorded error is one of the libraries' warnings. */
export function expectOnlyOthersErrors(
  errors: string[],
  alsoNotOurs: RegExp[] = [],
) {
  const ignored = [...notOurs, ...alsoNotOurs];
  expect(
    errors.filter(error => !ignored.some(pattern => pattern.test(error))),
    'console errors in the browser',
  ).toEqual([]);
}

/**
 * Playwright's `test`, failing any journey whose page logs a console error
 * or throws: a user would not see it, but it is a bug all the same. An app
 * adds the warnings of its own libraries that are not ours to fix.
 */
export function failingOnConsoleErrors(alsoNotOurs: RegExp[] = []) {
  return base.extend<{ consoleErrors: string[]; alsoNotOurs: RegExp[] }>({
    // A fixture, so that the journey's other pages (exampleUsers.ts) let
    // the same warnings pass.
    alsoNotOurs: [alsoNotOurs, { scope: 'test' }],
    consoleErrors: [
      async ({ page, alsoNotOurs: appWarnings }, use) => {
        const errors = recordConsoleErrors(page);
        await use(errors);
        expectOnlyOthersErrors(errors, appWarnings);
      },
      { auto: true },
    ],
  });
}

export const test = failingOnConsoleErrors();

export { expect };
