/**
 * The search pages in a real browser (Debian Chromium) on the built sample site: typing a query, filtering,
 * opening a result and coming back, on a phone-sized screen and with the keyboard; pagefind's files load only
 * when someone searches; hostile links inject nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../src/load/load.ts';
import { SCREENSHOTS, useSampleSite, waitForSearch } from './support/browser.ts';
import { containing, truthPages } from './support/search-truth.ts';

const { content } = loadContent('content');
const region = content.regions[0]!;
const staffPages = truthPages(content).filter((p) => p.kind !== 'report');

const site = useSampleSite(4396);

/** A page that records what it downloads and what the console complains about. */
async function open(path: string, viewport = { width: 360, height: 740 }) {
  const page: Page = await site.browser.newPage({ viewport });
  const complaints: string[] = [];
  const index: { url: string; bytes: number }[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') complaints.push(m.text());
  });
  page.on('pageerror', (e) => complaints.push(e.message));
  page.on('dialog', (d) => {
    complaints.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(site.server.url)) outside.push(r.url());
  });
  page.on('response', async (r) => {
    if (r.url().includes('pagefind'))
      index.push({ url: r.url(), bytes: (await r.body().catch(() => Buffer.alloc(0))).length });
  });
  const response = await page.goto(`${site.server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, complaints, index, outside };
}

const statusOf = (page: Page) => page.locator('#search-status');
const resultLinks = (page: Page) => page.locator('#search-results .result-title a');

describe('on a phone', () => {
  it('types a query, filters, opens a result and comes back', async () => {
    const { page, complaints, index, outside } = await open('/search/');
    // Nothing of the index is fetched before a search.
    expect(index).toEqual([]);

    await page.locator('#search-q').fill('学术推广');
    await page.keyboard.press('Enter');
    await waitForSearch(page);
    const firstQuery = index.reduce((sum, r) => sum + r.bytes, 0);
    console.info(
      `浏览器首次搜索“学术推广”下载 ${Math.round(firstQuery / 1024)} KB（${index.length} 个文件）`,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('学术推广');
    // Newest first: the newest shards answer; the status says what was searched or, once all was, the total.
    const truth = containing(staffPages, '学术推广');
    const status = (await statusOf(page).textContent()) ?? '';
    expect(status).toMatch(
      new RegExp(
        `在本月(、\\d{4} 年)*的内容中找到 \\d+ 条完整包含“学术推广”|其中 ${truth.size} 条完整包含“学术推广”`,
      ),
    );
    expect(index.some((r) => r.url.includes('/pagefind/current/'))).toBe(true);
    expect(await page.locator('#search-results .result').first().locator('mark').first().textContent()).toBe(
      '学术推广',
    );
    expect(await page.locator('#search-results .match.complete').count()).toBe(10);

    // Filter by region: applied at once, and kept in the address bar.
    await page.locator('summary', { hasText: '筛选和排序' }).click();
    await page.locator('#search-region').selectOption(region.id);
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe(region.id);
    await waitForSearch(page);
    const facts = await page.locator('#search-results .result-facts').allTextContents();
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((f) => f.includes(region.name))).toBe(true);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the search page scrolls sideways').toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-search.png`, fullPage: true });

    // Open the first result, then go back to the same search.
    const title = await resultLinks(page).first().textContent();
    await resultLinks(page).first().click();
    await page.waitForURL(/\/(articles|meetings)\//);
    expect(await page.locator('h1').first().textContent()).toBe(title);
    await page.goBack();
    await waitForSearch(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe('学术推广');
    expect(new URL(page.url()).searchParams.get('region')).toBe(region.id);
    expect(await page.locator('#search-q').inputValue()).toBe('学术推广');
    expect(await page.locator('#search-region').inputValue()).toBe(region.id);

    expect(outside).toEqual([]);
    expect(complaints).toEqual([]);
    await page.close();
  });

  it('searches from the header box of any page', async () => {
    const { page, complaints } = await open('/meetings/');
    await page.locator('#site-search-q').fill('回款');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await waitForSearch(page);
    expect(await resultLinks(page).count()).toBeGreaterThan(0);
    expect(complaints).toEqual([]);
    await page.close();
  });
});

describe('with the keyboard', () => {
  it('shows more results and moves focus to the first new one', async () => {
    const { page, complaints } = await open('/search/?q=回款&exact=1', { width: 1280, height: 900 });
    await waitForSearch(page);
    expect(await page.locator('#search-results .match.partial').count()).toBe(0);
    await page.locator('#search-more').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => resultLinks(page).count()).toBe(20);
    const focused = await page.evaluate(() => document.activeElement?.closest('li'));
    expect(focused).not.toBeNull();
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('#search-results li')].indexOf(document.activeElement!.closest('li')!),
      ),
    ).toBe(10);
    await page.screenshot({ path: `${SCREENSHOTS}/desktop-search.png`, fullPage: false });
    expect(complaints).toEqual([]);
    await page.close();
  });
});

describe('older years', () => {
  it('are searched only when the reader asks for more, and then the total is said', async () => {
    const { page, complaints, index } = await open('/search/?q=学术推广', { width: 1280, height: 900 });
    await waitForSearch(page);
    // Newest first: this month and this year fill the first page; 2025 is not even downloaded.
    expect(await statusOf(page).textContent()).toContain('更早的年份还没有搜索');
    expect(index.some((r) => r.url.includes('/pagefind/2025/'))).toBe(false);
    const more = page.locator('#search-more');
    for (let i = 0; i < 100 && (await more.isVisible()); i++) {
      const before = await resultLinks(page).count();
      await more.click();
      await expect
        .poll(async () => (await resultLinks(page).count()) > before || !(await more.isVisible()))
        .toBe(true);
    }
    const truth = containing(staffPages, '学术推广');
    await expect
      .poll(() => statusOf(page).textContent())
      .toContain(`其中 ${truth.size} 条完整包含“学术推广”`);
    expect(index.some((r) => r.url.includes('/pagefind/2025/'))).toBe(true);
    // Every complete match is listed before the first partial one.
    const matches = await page.locator('#search-results .match').allTextContents();
    expect(matches.slice(0, truth.size).every((m) => m === '完整匹配')).toBe(true);
    expect(matches.slice(truth.size).every((m) => m === '部分匹配')).toBe(true);
    expect(complaints).toEqual([]);
    await page.close();
  });
});

describe('the managers search', () => {
  it('finds reports, and the header box under /manage/ leads to it', async () => {
    const { page, complaints } = await open('/manage/');
    expect(await page.locator('form.site-search').getAttribute('action')).toBe('/manage/search/');
    await page.goto(`${site.server.url}/manage/search/?q=回款&kind=report`);
    await waitForSearch(page);
    const hrefs = await resultLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h?.startsWith('/manage/reports/'))).toBe(true);

    // Without the filter, staff and report shards are merged by each result's time, newest first.
    await page.goto(`${site.server.url}/manage/search/?q=回款`);
    await waitForSearch(page);
    const complete = page.locator('#search-results .result:has(.match.complete)');
    const links = await complete
      .locator('.result-title a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.some((h) => h?.startsWith('/manage/reports/'))).toBe(true);
    expect(links.some((h) => !h?.startsWith('/manage/'))).toBe(true);
    const days = (await complete.locator('.result-facts').allTextContents()).map((f) => {
      const [, y, m, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(f)!;
      return Number(y) * 10000 + Number(m) * 100 + Number(d);
    });
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(complaints).toEqual([]);
    await page.close();
  });
});

describe('bad input', () => {
  // Typed, not linked: 2,000 Chinese characters make a URL longer than web servers accept (HTTP 414/431).
  it('a 2,000-character query is cut, searched and said so', async () => {
    const { page, complaints } = await open('/search/');
    await page.locator('#search-q').fill('学术推广'.repeat(500));
    await page.keyboard.press('Enter');
    await waitForSearch(page);
    expect(await statusOf(page).textContent()).toContain('关键词太长');
    expect(complaints).toEqual([]);
    await page.close();
  });
});

describe('hostile links', () => {
  const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  it.each([
    ['query', `?q=${encodeURIComponent(payload)}`],
    [
      'filters',
      `?q=回款&region=${encodeURIComponent(payload)}&kind=%22%3E%3Csvg%20onload%3Dalert(1)%3E&sort=%3Cx%3E`,
    ],
    ['only punctuation', `?q=${encodeURIComponent('，。！？“”<>&')}`],
  ])('%s: nothing injected, no error', async (_, search) => {
    const { page, complaints } = await open(`/search/${search}`);
    await page.waitForFunction(
      () => (document.getElementById('search-status')?.textContent ?? '') !== '正在搜索…',
    );
    // Whatever a payload could load (an image's onerror, say) has loaded or failed by now.
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main svg, main script:not([src])').count()).toBe(0);
    // Unknown filter values are dropped from the address bar too.
    const params = new URL(page.url()).searchParams;
    expect(params.get('region')).toBeNull();
    expect(params.get('kind')).toBeNull();
    expect(params.get('sort')).toBeNull();
    expect(complaints).toEqual([]);
    await page.close();
  });
});
