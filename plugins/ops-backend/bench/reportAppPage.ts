/*
 * Page timing of the full-app SLO report benchmark: the portal's
 * /slo-report in headless Chromium, signed in as the end-to-end tests sign
 * in (packages/app/e2e-tests/support.ts), timed in the page as
 * bench/reportPage.ts times the harness.
 */
/* playwright-core is the workspace root's tooling, not a dependency of the
 * published backend. */
/* eslint-disable @backstage/no-undeclared-imports */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { CHROMIUM_FLAGS, timeFirstRow } from './reportPage';

const ROW = '[data-testid="slo-report-row"]';
const VIEWPORT = { width: 1600, height: 1000 };

export interface AppLoad {
  /** From navigation start to the first report row in the document. */
  interactiveMs: number;
  /** When the app's scripts had run (DOMContentLoaded). */
  scriptDoneMs: number;
  /** When the page asked for the first page of rows. */
  rowsRequestedMs: number;
  /** When the first page of rows had arrived. */
  rowsArrivedMs: number;
  rows: number;
  /** JavaScript over the wire (headers included) and decoded. */
  jsFiles: number;
  jsTransferredBytes: number;
  jsDecodedBytes: number;
  /** Every request up to the rows' arrival: path, start, end (ms). */
  timeline: Array<[string, number, number]>;
}

export interface AppRun {
  /** A new context holding only the signed-in state: nothing cached. */
  cold: AppLoad;
  /** The same page in the context just signed in: the app's files cached. */
  cached: AppLoad;
}

async function signIn(browser: Browser, origin: string) {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: VIEWPORT,
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('heading', { name: 'Unyo demo Catalog' })
    .waitFor({ timeout: 60_000 });
  return { context, page };
}

/**
 * Loads `/slo-report` in `page` and reads the timings the page took; with
 * `profile`, the page's CPU profile up to the first row goes to that file
 * (sampled every 200 µs, which slows the page a little).
 */
async function timeLoad(page: Page, profile?: string): Promise<AppLoad> {
  const errors: string[] = [];
  page.on('pageerror', e => errors.push(e.message));
  await timeFirstRow(page);
  const cdp = profile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await page.goto('/slo-report');
  try {
    await page.waitForSelector(ROW, { timeout: 60_000 });
    if (cdp) {
      const { profile: p } = await cdp.send('Profiler.stop');
      writeFileSync(profile!, JSON.stringify(p));
    }
  } catch (e) {
    throw new Error(
      `the report page rendered no row: ${
        errors.join('; ') || (e as Error).message
      }`,
    );
  }
  const timings = await page.evaluate(() => {
    const nav = performance.getEntriesByType(
      'navigation',
    )[0] as PerformanceNavigationTiming;
    const resources = performance.getEntriesByType(
      'resource',
    ) as PerformanceResourceTiming[];
    const rowsRequest = resources.find(e =>
      e.name.includes('/api/ops/slo-report?'),
    );
    const js = resources.filter(e => new URL(e.name).pathname.endsWith('.js'));
    return {
      interactiveMs: (window as any).__firstRowMs as number,
      scriptDoneMs: nav.domContentLoadedEventEnd,
      rowsArrivedMs: rowsRequest ? rowsRequest.responseEnd : NaN,
      rowsRequestedMs: rowsRequest ? rowsRequest.startTime : NaN,
      jsFiles: js.length,
      jsTransferredBytes: js.reduce((n, e) => n + e.transferSize, 0),
      jsDecodedBytes: js.reduce((n, e) => n + e.decodedBodySize, 0),
      timeline: resources
        .filter(e => !rowsRequest || e.startTime <= rowsRequest.responseEnd)
        .map(e => {
          const url = new URL(e.name);
          return [url.pathname + url.search, e.startTime, e.responseEnd] as [
            string,
            number,
            number,
          ];
        }),
    };
  });
  return { ...timings, rows: await page.locator(ROW).count() };
}

/** `runs` + 1 runs, the first a warm-up (not returned). */
export async function measureAppPage(options: {
  origin: string;
  runs: number;
  /** Writes each uncached run's CPU profile (DevTools format) here. */
  profileDir?: string;
}): Promise<AppRun[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const runs: AppRun[] = [];
  try {
    for (let k = 0; k < options.runs + 1; k++) {
      const signedIn = await signIn(browser, options.origin);
      const storageState = await signedIn.context.storageState();
      const cached = await timeLoad(signedIn.page);
      await signedIn.context.close();
      // The signed-in state (local storage) alone: the app signs in again
      // by itself, every file comes over the network.
      const context = await browser.newContext({
        baseURL: options.origin,
        viewport: VIEWPORT,
        storageState,
      });
      const cold = await timeLoad(
        await context.newPage(),
        options.profileDir
          ? join(options.profileDir, `uncached-${k}.cpuprofile`)
          : undefined,
      );
      await context.close();
      if (k > 0) runs.push({ cold, cached });
    }
  } finally {
    // Closes the contexts left open by a failure too.
    await browser.close();
  }
  return runs;
}
