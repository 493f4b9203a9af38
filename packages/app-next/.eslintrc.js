module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The journeys reuse the legacy app's sign-in, steps and fixtures, so
      // both apps are driven the same way; the app is not a dependency.
      files: ['e2e-tests/**'],
      rules: { '@backstage/no-relative-monorepo-imports': 'off' },
    },
  ],
});
