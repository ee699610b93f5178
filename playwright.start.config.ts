import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The tests of the README's two start commands, in Debian's Chromium, each
 * run by its own script against the portal that command starts:
 * `scripts/live.test.sh` (`make start`, live.test.ts) and
 * `scripts/bare.test.sh` (the bare portal's config, bare.test.ts).
 */
export default defineConfig({
  ...base,
  testDir: 'packages/app/start-tests',
  use: {
    ...base.use,
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    viewport: { width: 1440, height: 900 },
  },
});
