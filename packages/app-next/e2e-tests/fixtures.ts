import { expect, failingOnConsoleErrors } from '../../app/e2e-tests/fixtures';

/**
 * The legacy app's `test`, plus what the new frontend system's catalog page
 * logs: it renders its filter extensions as a list without keys, a warning
 * whose only component is the framework's `ExtensionBoundary`.
 */
const catalogFilterKeys =
  /^Warning: Each child in a list should have a unique "key" prop[\s\S]*\n\s*at ExtensionBoundary \([^)]*\)\s*$/;

export const test = failingOnConsoleErrors([catalogFilterKeys]);

export { expect };
