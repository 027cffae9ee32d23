/**
 * The compliance charts in a real browser (Debian Chromium): drawn, not blank, their tables beside them,
 * still when the reader asks for reduced motion, printable, on a phone without sideways scrolling, and
 * without a single CSP complaint. Screenshots go to test-results/screenshots/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { SCREENSHOTS, useSampleSite } from './support/browser.ts';
import { DESKTOP, drawnCharts, openPage } from './support/chart-pages.ts';

const site = useSampleSite(4393);

const open = (path: string, options?: BrowserContextOptions) => openPage(site, path, options);

describe('compliance charts in Chromium', () => {
  it.each([
    ['index', '/manage/compliance/', 2],
    ['region', '/manage/compliance/east/', 1],
  ])('draws the %s page’s charts, not blank, with their tables beside them', async (name, path, count) => {
    const { page, requests, complaints, close } = await open(path);
    const drawn = await drawnCharts(page);
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
    const drawn = await drawnCharts(page);
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
    await drawnCharts(page);
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
    if (name !== 'month') await drawnCharts(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    expect(complaints).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-compliance-${name}.png`, fullPage: false });
    await close();
  });
});
