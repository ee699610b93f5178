import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in headless Chromium (Debian's /usr/bin/chromium: no
 * browser download). `scripts/e2e.sh` builds the app and starts the backend,
 * which serves it on :7007; locally, PLAYWRIGHT_URL may point at `yarn start`.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // A test that passes only on its retry is flaky: reported, and under CI a failure.
  failOnFlakyTests: !!process.env.CI,
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'e2e-test-report' }]],
  outputDir: 'e2e-test-results/artifacts',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
