/**
 * The reading site where issue 15 found it wanting, in Debian's Chromium: compliance tables on a 360 px
 * phone (every column, the status included, nothing cut off at the right edge), jump links on the long
 * compliance pages, 北京时间 never split across lines, the printed issue starting at the top with its contents
 * on one page, and the RSS feed read as a Chinese page through its XSLT stylesheet. Screenshots go to
 * test-results/screenshots/ for a person to look at.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { SCREENSHOTS, useSampleSite } from './support/browser.ts';

const site = useSampleSite(4397);

const PHONE = { viewport: { width: 360, height: 780 } };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** The issue with the most articles: the longest table of contents to keep on one printed page. */
function longestIssue(): string {
  const dir = join(inject('sample').outDir, 'issues');
  const count = (month: string) =>
    readFileSync(join(dir, month, 'index.html'), 'utf8').split('class="issue-article').length;
  const months = readdirSync(dir).filter((m) => /^\d{4}-\d{2}$/.test(m));
  return months.reduce((a, b) => (count(b) > count(a) ? b : a));
}

async function open(path: string, options: BrowserContextOptions = PHONE) {
  const context = await site.browser.newContext(options);
  const page: Page = await context.newPage();
  const complaints: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') complaints.push(m.text());
  });
  page.on('pageerror', (e) => complaints.push(e.message));
  const response = await page.goto(`${site.server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, complaints, close: () => context.close() };
}

/** Visible elements whose box reaches past either edge of the viewport, described for the failure message. */
function beyondViewport(page: Page) {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') return false;
        // Screen-reader-only text is a 1 px clipped box: it shows nothing wherever it sits.
        if (r.width <= 1 && r.height <= 1) return false;
        return r.right > window.innerWidth + 0.5 || r.left < -0.5;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} «${e.textContent?.trim().slice(0, 30)}»`),
  );
}

const compliancePages = [
  ['compliance-index', '/manage/compliance/'],
  ['compliance-region', '/manage/compliance/east/'],
  ['compliance-month', '/manage/compliance/2026-10/'],
] as const;

describe('compliance pages and the issue at phone and desktop width', () => {
  it.each([
    ...compliancePages.flatMap(([name, path]) => [
      [name, path, PHONE] as const,
      [name, path, DESKTOP] as const,
    ]),
    ['issue', 'ISSUE', PHONE] as const,
    ['issue', 'ISSUE', DESKTOP] as const,
  ])('%s (%s) has no element wider than the viewport', async (name, path, options) => {
    const url = path === 'ISSUE' ? `/issues/${longestIssue()}/` : path;
    const { page, complaints, close } = await open(url, options);
    expect(await beyondViewport(page), url).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    expect(complaints).toEqual([]);
    const width = options.viewport.width;
    await page.screenshot({ path: `${SCREENSHOTS}/reading-${name}-${width}.png`, fullPage: width > 400 });
    await close();
  });

  it.each([
    ['month', '/manage/compliance/2026-10/'],
    ['region', '/manage/compliance/east/'],
  ])(
    'shows every report’s status on the %s page at 360 px, beside whose report it is',
    async (name, path) => {
      const { page, close } = await open(path);
      const rows = await page.$$eval('tr[id^="report-"]', (trs) =>
        trs.map((tr) => {
          const mark = tr.querySelector('.mark')!.getBoundingClientRect();
          const who = tr.querySelector('td')!.getBoundingClientRect();
          return { left: mark.left, right: mark.right, width: mark.width, top: mark.top, whoTop: who.top };
        }),
      );
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) {
        expect(row.width).toBeGreaterThan(20);
        expect(row.left).toBeGreaterThanOrEqual(0);
        expect(row.right).toBeLessThanOrEqual(360);
        // The status heads the card, on the line of the person's name.
        expect(Math.abs(row.top - row.whoTop)).toBeLessThan(12);
      }
      await page.locator('tr[id^="report-"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}/reading-${name}-reports-360.png` });
      await close();
    },
  );

  it('shows the whole twelve-month grid on a phone, every cell on screen with its month', async () => {
    const { page, close } = await open('/manage/compliance/');
    const cells = await page.$$eval('table.grid td', (tds) =>
      tds.map((td) => ({
        right: td.getBoundingClientRect().right,
        month: getComputedStyle(td, '::before').content,
      })),
    );
    expect(cells.length).toBeGreaterThanOrEqual(12 * 2 * 7);
    expect(cells.filter((c) => c.right > 360)).toEqual([]);
    expect(cells.every((c) => /月/.test(c.month))).toBe(true);
    await page.locator('table.grid').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/reading-compliance-grid-360.png` });
    await close();
  });

  it.each([
    ['month', '/manage/compliance/2026-10/'],
    ['region', '/manage/compliance/east/'],
  ])('offers jump links to every section of the %s page, and they jump', async (name, path) => {
    const { page, close } = await open(path);
    const toc = page.getByRole('navigation', { name: '本页目录' });
    const targets = await toc.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const sections = await page.$$eval('main h2[id]', (hs) => hs.map((h) => `#${h.id}`));
    expect(targets).toEqual(sections);
    // The jump links sit on the first screen.
    expect((await toc.boundingBox())!.y).toBeLessThan(780);
    const last = targets.at(-1)!;
    await toc.locator(`a[href="${last}"]`).click();
    await page.waitForFunction((id) => {
      const top = document.querySelector(id)!.getBoundingClientRect().top;
      // Fractions of a pixel either way: layout rounds.
      return top > -1 && top < 100;
    }, last);
    await page.screenshot({ path: `${SCREENSHOTS}/reading-${name}-jumped-360.png` });
    await close();
  });
});

describe('北京时间', () => {
  it.each([
    ['compliance index', '/manage/compliance/'],
    ['compliance month', '/manage/compliance/2026-10/'],
    ['issue', 'ISSUE'],
  ])('is never split across two lines on the %s page, from 320 to 480 px', async (_, path) => {
    const url = path === 'ISSUE' ? `/issues/${longestIssue()}/` : path;
    const { page, close } = await open(url);
    const splits: string[] = [];
    for (let width = 320; width <= 480; width += 2) {
      await page.setViewportSize({ width, height: 780 });
      const split = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let found = 0;
        const broken: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (let at = text.indexOf('北京时间'); at >= 0; at = text.indexOf('北京时间', at + 1)) {
            found++;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 4);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) broken.push(node.parentElement?.textContent?.trim().slice(0, 40) ?? '');
          }
        }
        return { found, broken };
      });
      expect(split.found).toBeGreaterThan(0);
      splits.push(...split.broken.map((b) => `${width}px: ${b}`));
    }
    expect(splits).toEqual([]);
    await close();
  });
});

describe('the printed issue', () => {
  // A4 less the 16 mm side margins of global.css, in CSS pixels: the width the issue is laid out at on paper.
  const PRINT = { viewport: { width: Math.round(((210 - 32) / 25.4) * 96), height: 900 } };

  it('starts with its title at the top of page 1', async () => {
    const { page, close } = await open(`/issues/${longestIssue()}/`, PRINT);
    await page.emulateMedia({ media: 'print' });
    const top = await page.evaluate(
      () => document.querySelector('h1')!.getBoundingClientRect().top + scrollY,
    );
    // Within 2 cm of the top margin: the masthead line and the title, no gap above them.
    expect(top).toBeLessThan((20 / 25.4) * 96);
    await page.pdf({ path: 'test-results/issue.pdf', format: 'A4' });
    await close();
  });

  it('keeps its title and its whole table of contents on page 1', async () => {
    // The style below is the test's own; the site's CSP rightly admits no inline style.
    const { page, close } = await open(`/issues/${longestIssue()}/`, { ...PRINT, bypassCSP: true });
    await page.emulateMedia({ media: 'print' });
    // Print only what comes before the first region: the masthead, the title and the contents.
    await page.addStyleTag({ content: '.issue-region, .issue-region ~ * { display: none !important; }' });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    await close();
  });
});

describe('the RSS feed', () => {
  it('stays RSS 2.0 and names its stylesheet, served from the site', async () => {
    const xml = await (await fetch(`${site.server.url}/rss.xml`)).text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/rss.xsl" type="text\/xsl"\?>/,
    );
    expect(xml).toMatch(
      /<rss version="2.0"[^>]*><channel><title>[^<]+<\/title><description>[^<]+<\/description><link>/,
    );
    expect(xml.match(/<item>/g)).toHaveLength(xml.match(/<dc:date>/g)!.length);
    const xsl = await fetch(`${site.server.url}/rss.xsl`);
    expect(xsl.status).toBe(200);
    expect(xsl.headers.get('content-type')).toMatch(/xml|xsl/);
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('reads as a Chinese page on a %s, under the site’s own CSP', async (name, options) => {
    const context = await site.browser.newContext(options);
    const page = await context.newPage();
    // Served with the policy every page of the site carries, as a strict server might send it for the feed too.
    const home = await (await fetch(`${site.server.url}/`)).text();
    const policy = /http-equiv="content-security-policy" content="([^"]+)"/.exec(home)![1]!;
    await page.route('**/rss.xml', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': policy },
      });
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site.server.url}/rss.xml`);
    await page.waitForSelector('h1');
    const shown = await page.evaluate(() => ({
      type: document.contentType,
      lang: document.documentElement.lang,
      title: document.querySelector('h1')!.textContent,
      how: document.querySelector('.how')?.textContent ?? '',
      items: [...document.querySelectorAll('.items > li a')].map((a) => a.getAttribute('href')),
      dates: [...document.querySelectorAll('.items time')].map((t) => t.textContent),
      // /rss.css applied: the site's accent under the bar.
      bar: getComputedStyle(document.querySelector('.bar')!).borderBottomColor,
      // Nothing a CSP without 'unsafe-inline' would block (Chromium's own XSLT notice aside).
      inline: [...document.querySelectorAll('[style], style, script')].filter(
        (e) => !e.closest('xslt-warning-banner'),
      ).length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(shown.type).toBe('text/html');
    expect(shown.lang).toBe('zh-CN');
    expect(shown.title).toContain('内刊');
    expect(shown.how).toContain('订阅地址');
    expect(shown.items).toHaveLength(50);
    expect(shown.items.every((href) => href?.startsWith('/articles/'))).toBe(true);
    expect(shown.dates.every((d) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(d ?? ''))).toBe(true);
    expect(shown.bar).toBe('rgb(161, 40, 31)');
    expect(shown.inline).toBe(0);
    expect(shown.overflow).toBeLessThanOrEqual(0);
    expect(requests.filter((u) => !u.startsWith(site.server.url))).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/reading-rss-${name}.png` });
    // An item leads to its article on this site.
    await page.locator('.items > li a').first().click();
    await page.waitForURL(/\/articles\//);
    await context.close();
  });
});
