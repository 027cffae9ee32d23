/**
 * Page weight: the gzipped bytes of a built page and of everything it loads at first paint (stylesheets, the
 * fonts they name, scripts and their static imports). Dynamic imports (search, loaded on demand) are not
 * counted. Used by `npm run bench` and by the budget test of every build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fontUrls, pageAssets, resolveSitePath, staticImports } from './measure.ts';

export interface PageWeight {
  page: string;
  files: { path: string; gzipBytes: number }[];
  gzipBytes: number;
}

/** The weight of the page at site path `page` (e.g. `/articles/x/`) of the site built in `dist`. */
export function pageWeight(dist: string, page: string): PageWeight {
  const files: PageWeight['files'] = [];
  const seen = new Set<string>();
  const visit = (sitePath: string) => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const file = join(dist, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
    if (!existsSync(file)) return;
    const bytes = readFileSync(file);
    files.push({ path: sitePath, gzipBytes: gzipSync(bytes, { level: 9 }).length });
    const text = bytes.toString('utf8');
    if (file.endsWith('.html')) for (const a of pageAssets(text)) visit(a);
    else if (file.endsWith('.css')) for (const f of fontUrls(text)) visit(resolveSitePath(sitePath, f));
    else if (file.endsWith('.js')) for (const i of staticImports(text)) visit(resolveSitePath(sitePath, i));
  };
  visit(page);
  return { page, files, gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0) };
}

/** The pages one level below a folder of the site, e.g. every `/articles/<id>/`, sorted. */
export function pagesBelow(dist: string, folder: string): string[] {
  const dir = join(dist, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => `/${folder}/${e.name}/`)
    .sort();
}

/** The budgets of issue 6, in bytes (1 KB = 1,000 bytes, as budgets are usually read). */
export const BUDGETS = {
  /** An article page in all: HTML, CSS, fonts, and no script but what loads search on demand. */
  article: 25_000,
  /** A compliance page with its chart, chart.js included. */
  compliance: 100_000,
  /** What the search page's first query downloads. */
  firstQuery: 300_000,
} as const;
