import { defineConfig } from '@playwright/test';

// The browser is Debian's Chromium (scripts/ensure-chromium.sh installs it),
// never one downloaded by Playwright. CHROMIUM_PATH points elsewhere if needed.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without these flags Chromium keeps calling home, which a closed network
// refuses, and it cannot sandbox itself when run as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The portal under test keeps its SQLite files apart from the one `make start`
// uses, so each run starts from the example data only.
const e2eDataDir = process.env.E2E_DATA_DIR ?? '../../.data/e2e-sqlite';

// The two example apps, each with its journeys, against the one backend:
// the legacy frontend system (packages/app) and the new one
// (packages/app-next, its port set in its app-config.next.yaml).
const apps = [
  {
    name: 'app',
    url: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
  },
  {
    name: 'app-next',
    url: process.env.PLAYWRIGHT_NEXT_URL ?? 'http://localhost:3001',
  },
];

export default defineConfig({
  timeout: 90_000,

  expect: {
    timeout: 15_000,
  },

  // Starts the backend and both apps unless PLAYWRIGHT_URL points at a
  // portal already running.
  webServer: process.env.PLAYWRIGHT_URL
    ? []
    : [
        {
          command: 'yarn start backend',
          url: 'http://localhost:7007/api/release/health',
          reuseExistingServer: !process.env.CI,
          timeout: 180_000,
          env: { APP_CONFIG_backend_database_connection_directory: e2eDataDir },
        },
        ...apps.map(app => ({
          command: `yarn start ${app.name}`,
          url: app.url,
          reuseExistingServer: !process.env.CI,
          timeout: 300_000,
        })),
      ],

  forbidOnly: !!process.env.CI,

  retries: process.env.CI ? 1 : 0,

  workers: 1,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report/html' }],
    ['json', { outputFile: 'e2e-test-report/results.json' }],
  ],

  use: {
    actionTimeout: 15_000,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },

  outputDir: 'e2e-test-report/artifacts',

  projects: apps.map(app => ({
    name: app.name,
    testDir: `packages/${app.name}/e2e-tests`,
    use: { baseURL: app.url },
  })),
});
