/**
 * The built sample site in a real browser (Debian Chromium): readable on a phone, printable, keyboard-friendly,
 * and loading nothing from outside the site.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../src/load/load.ts';
import { SCREENSHOTS, useSampleSite } from './support/browser.ts';

const { content } = loadContent('content');
const article = content.articles.at(-1)!;

const site = useSampleSite(4391);

/** Opens a page and records every request and console complaint it causes. */
async function open(path: string, viewport = { width: 360, height: 740 }) {
  const page: Page = await site.browser.newPage({ viewport });
  const requests: string[] = [];
  const complaints: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') complaints.push(m.text());
  });
  const response = await page.goto(`${site.server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, requests, complaints };
}

describe('on a phone', () => {
  it.each([
    ['home', '/'],
    ['article', `/articles/${article.id}/`],
    ['issue', '/issues/'],
    ['meetings', '/meetings/'],
    ['report', `/manage/reports/${content.reports.find((r) => r.data.kind === 'achievement')!.id}/`],
  ])('%s page fits 360 px, loads only from the site, breaks no CSP', async (name, path) => {
    const { page, requests, complaints } = await open(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    expect(requests.filter((u) => !u.startsWith(site.server.url))).toEqual([]);
    expect(complaints).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-${name}.png`, fullPage: false });
    await page.close();
  });
});

describe('on a desktop', () => {
  it('offers a skip link as the first stop of the keyboard', async () => {
    const { page } = await open(`/articles/${article.id}/`, { width: 1280, height: 900 });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(focused.href).toBe('#main');
    expect(focused.text).toContain('跳到');
    await page.screenshot({ path: `${SCREENSHOTS}/desktop-article.png`, fullPage: true });
    await page.close();
  });

  it('prints an article without navigation', async () => {
    const { page } = await open(`/articles/${article.id}/`, { width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const navVisible = await page.evaluate(() => {
      const nav = document.querySelector('header nav');
      return nav !== null && getComputedStyle(nav).display !== 'none';
    });
    expect(navVisible).toBe(false);
    const title = await page.locator('h1').first().textContent();
    expect(title?.trim()).toBe(article.data.title);
    await page.pdf({ path: 'test-results/article.pdf', format: 'A4' });
    await page.close();
  });
});
