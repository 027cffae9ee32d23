/**
 * axe-core (from node_modules, injected by playwright: no CDN) over every page type of the built sample, on a
 * phone and on a desktop: no serious and no critical violation anywhere, /manage/ included. Each failure
 * names the rule, how many elements break it and the first of them.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import { useSampleSite, waitForSearch } from './support/browser.ts';

const site = useSampleSite(4398);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The first page built below `dir` (e.g. the first article), as a site path. */
function first(dir: string): string {
  const name = readdirSync(join(inject('sample').outDir, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'index.html')
    .map((e) => e.name)
    .sort()[0];
  return `/${dir}/${name}/`;
}

const pages: [string, () => string][] = [
  ['home', () => '/'],
  ['issues', () => '/issues/'],
  ['issue', () => first('issues')],
  ['article', () => first('articles')],
  ['meetings', () => '/meetings/'],
  ['meeting', () => first('meetings')],
  ['regions', () => '/regions/'],
  ['region', () => first('regions')],
  ['search', () => '/search/?q=科室会'],
  ['404', () => '/404.html'],
  ['manage', () => '/manage/'],
  ['manage search', () => '/manage/search/?q=周报'],
  ['reports', () => '/manage/reports/'],
  ['report', () => first('manage/reports')],
  ['compliance index', () => '/manage/compliance/'],
  ['compliance region', () => '/manage/compliance/east/'],
  ['compliance month', () => '/manage/compliance/2026-10/'],
  ['activity index', () => '/manage/activity/'],
  ['activity month', () => '/manage/activity/2026-10/'],
  ['timeliness', () => '/timeliness/'],
  ['rss', () => '/rss.xml'],
];

describe.each([
  ['phone', { width: 360, height: 780 }],
  // Between the stacked tables of a phone and a desktop's room: where a wide table scrolls in its box.
  ['tablet', { width: 768, height: 1024 }],
  ['desktop', { width: 1280, height: 900 }],
])('axe on a %s', (_, viewport) => {
  it.each(pages)('finds nothing serious or critical on the %s page', async (name, path) => {
    // The site's CSP admits no injected script; it is tested elsewhere, so this context sets it aside.
    const context = await site.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    const response = await page.goto(`${site.server.url}${path()}`);
    expect(response?.ok(), path()).toBe(true);
    // A search page is checked with its results shown.
    if (name.includes('search')) await waitForSearch(page);
    await page.addScriptTag({ path: AXE });
    // Chromium's own notice on XSLT pages (its deprecation banner) is the browser's, not the site's.
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run(c: object): Promise<AxeResults> } }).axe.run({
        exclude: [['xslt-warning-banner']],
      }),
    );
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} ×${v.nodes.length}: ${v.nodes[0]!.target.join(' ')}`);
    expect(bad, path()).toEqual([]);
    await context.close();
  });
});
