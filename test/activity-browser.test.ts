/**
 * The activity pages and the 及时性公示 in a real browser (Debian Chromium): every chart drawn, not blank, with
 * its table beside it holding one row per bar group; printable; readable on a 390 px phone without sideways
 * scrolling; no request leaves the site and nothing complains in the console. Screenshots go to
 * test-results/screenshots/ for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { SCREENSHOTS, useSampleSite } from './support/browser.ts';
import { drawnCharts, openPage } from './support/chart-pages.ts';

const site = useSampleSite(4394);

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const MONTH = '/manage/activity/2026-10/';

const open = (path: string, options?: BrowserContextOptions) => openPage(site, path, options);

describe('activity pages in Chromium', () => {
  it.each([
    ['index', '/manage/activity/'],
    ['month', MONTH],
  ])('draws every chart of the %s page with its table beside it', async (name, path) => {
    const { page, requests, complaints, close } = await open(path);
    const drawn = await drawnCharts(page);
    expect(drawn.length).toBeGreaterThan(0);
    for (const chart of drawn) {
      expect(chart.drawn).toBe('animated');
      expect(chart.painted).toBeGreaterThan(0.02);
      expect(chart.tableVisible).toBe(true);
      expect(chart.tableRows).toBe(chart.labels);
    }
    expect(requests.filter((u) => !u.startsWith(site.server.url))).toEqual([]);
    expect(complaints).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/activity-${name}.png`, fullPage: true });
    await close();
  });

  it('prints the month’s charts and tables, without navigation', async () => {
    const { page, close } = await open(MONTH);
    await drawnCharts(page);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('header nav')!).display,
      canvas: document.querySelector('canvas')!.getBoundingClientRect(),
      figure: document.querySelector('figure.chart')!.getBoundingClientRect(),
      tables: [...document.querySelectorAll('table')].map((t) => t.getBoundingClientRect().height),
    }));
    expect(printed.nav).toBe('none');
    expect(printed.tables.every((h) => h > 0)).toBe(true);
    expect(printed.canvas.height).toBeGreaterThan(0);
    expect(printed.canvas.width).toBeLessThanOrEqual(printed.figure.width + 1);
    await page.pdf({ path: 'test-results/activity-month.pdf', format: 'A4' });
    await close();
  });

  it.each([
    ['activity index', '/manage/activity/'],
    ['activity month', MONTH],
    ['timeliness', '/timeliness/'],
  ])('fits the %s page on a 390 px phone, its tables as cards', async (name, path) => {
    const { page, complaints, close } = await open(path, PHONE);
    if (name !== 'timeliness') await drawnCharts(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    // No table scrolls sideways in its own box either: every column stays on screen.
    const boxes = await page.$$eval('.table-scroll', (els) =>
      els.map((el) => el.scrollWidth - el.clientWidth).filter((d) => d > 1),
    );
    expect(boxes, `${path} has a table scrolling in its box`).toEqual([]);
    // Text is large enough to read without zooming.
    const smallest = await page.$$eval('td, th', (cells) =>
      Math.min(...cells.map((c) => parseFloat(getComputedStyle(c).fontSize))),
    );
    expect(smallest).toBeGreaterThanOrEqual(12);
    expect(complaints).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-${name.replace(' ', '-')}.png`, fullPage: true });
    await close();
  });
});
