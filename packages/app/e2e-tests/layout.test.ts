import { expect, Page, test } from '@playwright/test';
import { entityPath, requireDemo, signIn } from './support';

// A seed service's pages at the widths people use, measured as drawn: no
// table header and no runbook title may break a word across lines (the
// "St / e / ps" of a half-width Runbooks card), and no multi-word runbook
// title may stand one word per line.
const SERVICE = 'component:default/identity-service';
const WIDTHS = [1280, 1440, 1920];

interface Broken {
  what: string;
  text: string;
  lines: number;
}

/** What of the page's table headers and runbook titles is broken. */
async function brokenText(page: Page): Promise<Broken[]> {
  return page.evaluate(() => {
    // The lines a piece of text is drawn on, by the tops of its boxes.
    const linesOf = (node: Node, start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const tops = new Set(
        Array.from(range.getClientRects())
          .filter(r => r.width > 0)
          .map(r => Math.round(r.top)),
      );
      return tops.size;
    };
    const textNodes = (el: Element) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      return nodes;
    };
    // The title of the card holding an element: the nearest heading above it.
    const cardOf = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const heading = a.querySelector('h1, h2, h3, h4, h5, h6');
        if (heading && !heading.closest('table')) return heading.textContent;
      }
      return '(page)';
    };
    const broken: {
      what: string;
      text: string;
      lines: number;
    }[] = [];
    // Each word of each header and title on one line.
    const checkWords = (el: Element, what: string) => {
      for (const node of textNodes(el)) {
        for (const match of node.data.matchAll(/\S+/g)) {
          const lines = linesOf(
            node,
            match.index!,
            match.index! + match[0].length,
          );
          if (lines > 1) {
            broken.push({
              what: `${what} in ${cardOf(el)}`,
              text: match[0],
              lines,
            });
          }
        }
      }
    };
    const headers = Array.from(
      document.querySelectorAll('th, [role="columnheader"]'),
    ).filter(el => (el as HTMLElement).offsetParent !== null);
    for (const th of headers) checkWords(th, 'header');

    // Runbook titles: the links to runbook pages in the cards' tables.
    const titles = Array.from(
      document.querySelectorAll('td a[href*="/runbook/"]'),
    );
    for (const a of titles) {
      checkWords(a, 'runbook title');
      const words = (a.textContent ?? '').trim().split(/\s+/);
      const node = textNodes(a)[0];
      if (words.length > 1 && node) {
        const lines = linesOf(node, 0, node.data.length);
        if (lines >= words.length) {
          broken.push({
            what: `runbook title one word per line in ${cardOf(a)}`,
            text: a.textContent ?? '',
            lines,
          });
        }
      }
    }
    return broken;
  });
}

test.beforeEach(() => {
  requireDemo('the example catalog of the demo backend');
});

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 1000 } });

    test(`a seed service's overview and Operations tab break no header or runbook title inside a word (${width} px)`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await signIn(page);
      for (const [tab, path, ready] of [
        ['overview', entityPath(SERVICE), 'Runbooks'],
        ['Operations', `${entityPath(SERVICE)}/ops`, 'Runbooks'],
      ] as const) {
        await page.goto(path);
        // The runbook rows and every Unyo card's table, loaded.
        await expect(
          page.locator('td a[href*="/runbook/"]').first(),
        ).toBeVisible({ timeout: 60_000 });
        await expect(
          page.getByText(ready, { exact: true }).first(),
        ).toBeVisible();
        await expect(page.getByRole('progressbar')).toHaveCount(0, {
          timeout: 60_000,
        });
        const headers = await page.locator('th, [role="columnheader"]').count();
        expect(headers, `${tab}: table headers measured`).toBeGreaterThan(3);
        const broken = await brokenText(page);
        await page.screenshot({
          path: `e2e-test-results/layout-${tab.toLowerCase()}-${width}.png`,
          fullPage: true,
        });
        expect(broken, `${tab} at ${width} px`).toEqual([]);
      }
    });
  });
}
