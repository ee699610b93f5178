import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The README's screenshots (docs/images/), taken in Debian's Chromium from the
 * running demo portal (`make start`; PLAYWRIGHT_URL to point elsewhere):
 * `yarn screenshots`.
 */
export default defineConfig({
  ...base,
  testDir: 'packages/app/screenshots',
  testMatch: '*.screenshots.ts',
  retries: 0,
  failOnFlakyTests: false,
  timeout: 240_000,
  use: {
    ...base.use,
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    viewport: { width: 1440, height: 900 },
  },
});
