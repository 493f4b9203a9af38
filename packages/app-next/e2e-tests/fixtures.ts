import { expect, failingOnConsoleErrors } from '../../app/e2e-tests/fixtures';

/**
 * The legacy app's `test`, plus what the new frontend system's catalog page
 * logs: it renders its filter extensions as a list without keys, a warning
 * whose only component is the framework's `ExtensionBoundary`; and, when its
 * table has loaded, its table toolbar puts the title's heading inside
 * another heading.
 */
const catalogFilterKeys =
  /^Warning: Each child in a list should have a unique "key" prop[\s\S]*\n\s*at ExtensionBoundary \([^)]*\)\s*$/;
const catalogToolbarHeadings =
  /^Warning: validateDOMNesting\(\.\.\.\): %s cannot appear as a child of <%s>\.[\s\S]*<h2> h5[\s\S]*\n\s*at CatalogTableToolbar \(/;

export const test = failingOnConsoleErrors([
  catalogFilterKeys,
  catalogToolbarHeadings,
]);

export { expect };
