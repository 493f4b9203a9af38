import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

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

export default defineConfig({
  timeout: 90_000,

  expect: {
    timeout: 15_000,
  },

  // Starts the portal unless PLAYWRIGHT_URL points at one already running.
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
        {
          command: 'yarn start app',
          port: 3000,
          reuseExistingServer: !process.env.CI,
          timeout: 300_000,
        },
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
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },

  outputDir: 'e2e-test-report/artifacts',

  projects: generateProjects().map(project => ({
    ...project,
    use: { ...project.use, channel: undefined },
  })),
});
