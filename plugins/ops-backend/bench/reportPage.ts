/*
 * Page timing of the SLO report benchmark: bundles the page harness of
 * @unyo/plugin-ops-dashboard (plugins/ops-dashboard/bench/reportHarness.tsx,
 * where the frontend packages it imports are declared) with esbuild
 * (production, minified), serves it from the benchmark's express app next
 * to /api/ops, and loads it in headless Chromium.
 */
/* esbuild and playwright-core are the workspace root's tooling, not
 * dependencies of the published backend. */
/* eslint-disable @backstage/no-undeclared-imports */
import { build } from 'esbuild';
import express from 'express';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Records in the page (`window.__firstRowMs`) when the first report row
 * enters the document: polling from here would add the round trips of the
 * DevTools protocol.
 */
export async function timeFirstRow(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      if (document.querySelector('[data-testid="slo-report-row"]')) {
        (window as any).__firstRowMs = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export interface PageRun {
  /** From navigation start to the first rows of the table in the document. */
  interactiveMs: number;
  /** From the first page of rows arriving to the first rows in the document. */
  drawMs: number;
  /** When the bundle had run (DOMContentLoaded waits for module scripts). */
  scriptDoneMs: number;
  /** When the first page of rows had arrived. */
  rowsArrivedMs: number;
  rows: number;
  loadedAfterScroll: number;
}

export async function measurePage(options: {
  router: express.Router;
  base: string;
  dir: string;
  runs: number;
}): Promise<{ bundleBytes: number; runs: PageRun[] }> {
  const out = join(options.dir, 'harness.js');
  await build({
    entryPoints: [
      join(__dirname, '../../ops-dashboard/bench/reportHarness.tsx'),
    ],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    outfile: out,
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
    },
    loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff2': 'dataurl' },
    logLevel: 'error',
  });
  const html = join(options.dir, 'harness.html');
  writeFileSync(
    html,
    '<!doctype html><html><head><meta charset="utf-8"><title>SLO report</title></head>' +
      '<body><div id="root"></div><script type="module" src="/harness.js"></script></body></html>',
  );
  options.router.get('/harness.js', (_req, res) => res.sendFile(out));
  options.router.get('/slo-report', (_req, res) => res.sendFile(html));

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const runs: PageRun[] = [];
  try {
    for (let k = 0; k < options.runs + 1; k++) {
      // A new context each time: nothing cached in the browser.
      const context = await browser.newContext({
        viewport: { width: 1600, height: 1000 },
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', e => errors.push(e.message));
      await timeFirstRow(page);
      await page.goto(`${options.base}/slo-report`);
      try {
        await page.waitForSelector('[data-testid="slo-report-row"]', {
          timeout: 30_000,
        });
      } catch (e) {
        throw new Error(
          `the harness page rendered no row: ${
            errors.join('; ') || (e as Error).message
          }`,
        );
      }
      const { interactiveMs, scriptDoneMs, rowsArrivedMs } =
        await page.evaluate(() => {
          const nav = performance.getEntriesByType(
            'navigation',
          )[0] as PerformanceNavigationTiming;
          const rowsRequest = (
            performance.getEntriesByType(
              'resource',
            ) as PerformanceResourceTiming[]
          ).find(e => e.name.includes('/api/ops/slo-report?'));
          return {
            interactiveMs: (window as any).__firstRowMs as number,
            scriptDoneMs: nav.domContentLoadedEventEnd,
            rowsArrivedMs: rowsRequest ? rowsRequest.responseEnd : NaN,
          };
        });
      const rows = await page.locator('[data-testid="slo-report-row"]').count();
      // Scroll to the end of what is loaded: the next page is asked for.
      await page.evaluate(() => {
        const el = document.querySelector('.slo-report-scroll')!;
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForFunction(
        () =>
          /^(\d+) of/.exec(
            document.querySelector('[data-testid="slo-report-count"]')
              ?.textContent ?? '',
          )?.[1] !== '200',
        undefined,
        { timeout: 30_000 },
      );
      const loadedAfterScroll = Number(
        /^(\d+)/.exec(
          (await page.getByTestId('slo-report-count').textContent()) ?? '',
        )?.[1],
      );
      await context.close();
      // The first run warms the backend's caches and Chromium; not counted.
      if (k > 0) {
        runs.push({
          interactiveMs,
          drawMs: interactiveMs - rowsArrivedMs,
          scriptDoneMs,
          rowsArrivedMs,
          rows,
          loadedAfterScroll,
        });
      }
    }
  } finally {
    await browser.close();
  }
  return { bundleBytes: statSync(out).size, runs };
}
