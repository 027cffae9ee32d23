/**
 * The compliance charts in a real browser (Debian Chromium): drawn, not blank, their tables beside them,
 * still when the reader asks for reduced motion, printable, on a phone without sideways scrolling, and
 * without a single CSP complaint. Screenshots go to test-results/screenshots/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { SCREENSHOTS, useSampleSite } from './support/browser.ts';

const site = useSampleSite(4393);

const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Opens a page in a fresh context and records every request and console complaint it causes. */
async function open(path: string, options: BrowserContextOptions = DESKTOP) {
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

/** For each chart: whether it says it was drawn, how many distinct colours its canvas holds, its table's rows. */
async function charts(page: Page) {
  await page.waitForSelector('canvas[data-drawn]', { timeout: 10_000 });
  // Pixels are read once every chart's animation (when there is one) has finished.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('canvas[data-drawn]')].every((c) => (c as HTMLElement).dataset.settled),
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

describe('compliance charts in Chromium', () => {
  it.each([
    ['index', '/manage/compliance/', 2],
    ['region', '/manage/compliance/east/', 1],
  ])('draws the %s page’s charts, not blank, with their tables beside them', async (name, path, count) => {
    const { page, requests, complaints, close } = await open(path);
    const drawn = await charts(page);
    expect(drawn).toHaveLength(count);
    for (const chart of drawn) {
      expect(chart.drawn).toBe('animated');
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(150);
      // Bars, axes, legend and the requirement line: a good share of the canvas, in several colours.
      expect(chart.painted).toBeGreaterThan(0.03);
      expect(chart.colours).toBeGreaterThan(4);
      expect(chart.tableVisible).toBe(true);
      expect(chart.tableRows).toBe(chart.labels);
      expect(chart.labels).toBe(12);
    }
    expect(requests.filter((u) => !u.startsWith(site.server.url))).toEqual([]);
    expect(complaints).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/compliance-${name}.png`, fullPage: true });
    await close();
  });

  it('keeps the charts still for readers who ask for reduced motion', async () => {
    const { page, close } = await open('/manage/compliance/', { ...DESKTOP, reducedMotion: 'reduce' });
    const drawn = await charts(page);
    expect(drawn.map((c) => c.drawn)).toEqual(['still', 'still']);
    expect(drawn.every((c) => c.painted > 0.03)).toBe(true);
    await close();
  });

  it('loads no chart code on the month page, which has tables only', async () => {
    const { page, requests, complaints, close } = await open('/manage/compliance/2026-10/');
    expect(await page.locator('canvas').count()).toBe(0);
    expect(requests.filter((u) => u.includes('ComplianceChart'))).toEqual([]);
    expect(complaints).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/compliance-month.png`, fullPage: true });
    await close();
  });

  it('prints the charts and their tables, without navigation', async () => {
    const { page, close } = await open('/manage/compliance/east/');
    await charts(page);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('header nav')!).display,
      canvas: document.querySelector('canvas')!.getBoundingClientRect(),
      figure: document.querySelector('figure.chart')!.getBoundingClientRect(),
      table: document.querySelector('figure.chart table')!.getBoundingClientRect().height,
    }));
    expect(printed.nav).toBe('none');
    expect(printed.table).toBeGreaterThan(0);
    expect(printed.canvas.height).toBeGreaterThan(0);
    expect(printed.canvas.width).toBeLessThanOrEqual(printed.figure.width + 1);
    await page.pdf({ path: 'test-results/compliance-region.pdf', format: 'A4' });
    await close();
  });

  it.each([
    ['index', '/manage/compliance/'],
    ['region', '/manage/compliance/east/'],
    ['month', '/manage/compliance/2026-10/'],
  ])('fits the %s page on a 360 px phone', async (name, path) => {
    const { page, complaints, close } = await open(path, { viewport: { width: 360, height: 740 } });
    if (name !== 'month') await charts(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    expect(complaints).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-compliance-${name}.png`, fullPage: false });
    await close();
  });
});
