import { defineConfig } from '@playwright/test';

/** The adoption test's browser check (scripts/adoption/adoption-test.sh starts the portal). */
export default defineConfig({
  testDir: '.',
  testMatch: 'adoption.spec.ts',
  timeout: 240_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: '../../e2e-test-results/adoption',
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    },
  },
});
