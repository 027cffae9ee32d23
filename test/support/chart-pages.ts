/** Opening a built page in Chromium and reading its charts, for the browser tests of the charted pages. */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SampleSite } from './browser.ts';

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** Opens a page in a fresh context and records every request and console complaint it causes. */
export async function openPage(site: SampleSite, path: string, options: BrowserContextOptions = DESKTOP) {
  const context = await site.browser.newContext(options);
  const page: Page = await context.newPage();
  const requests: string[] = [];
  const complaints: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') complaints.push(m.text());
  });
  page.on('pageerror', (e) => complaints.push(e.message));
  const response = await page.goto(`${site.server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, requests, complaints, close: () => context.close() };
}

/** For each chart: whether it says it was drawn, how much of it is painted in how many colours, its table. */
export async function drawnCharts(page: Page) {
  await page.waitForSelector('canvas[data-drawn]', { timeout: 10_000 });
  // Pixels are read once every chart's animation (when there is one) has finished.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('canvas[data-chart]')].every((c) => (c as HTMLElement).dataset.settled),
  );
  return page.$$eval('figure.chart', (figures) =>
    figures.map((figure) => {
      const canvas = figure.querySelector('canvas')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const colours = new Set<number>();
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) {
          painted++;
          colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        }
      }
      const table = figure.querySelector('table');
      const labels = (JSON.parse(canvas.dataset.chart!) as { labels: string[] }).labels;
      return {
        drawn: canvas.dataset.drawn,
        width: canvas.width,
        height: canvas.height,
        painted: painted / (canvas.width * canvas.height),
        colours: colours.size,
        tableRows: table?.querySelectorAll('tbody tr').length,
        tableVisible: table !== null && table.getBoundingClientRect().height > 0,
        labels: labels.length,
      };
    }),
  );
}
