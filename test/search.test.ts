/**
 * The search indexes of a real build of the sample content, searched in Node with the pagefind.js and
 * WebAssembly the build ships, through the same engine the page runs. Every expectation is counted from the
 * source files (content/), never hard-coded: each domain query must find every page that contains it
 * (recall), and those pages must come before all others (precision).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { beijingMonth, instantOf } from '../src/model/time.ts';
import { runSearch, type SearchRequest } from '../src/search/engine.ts';
import type { Filters } from '../src/search/params.ts';
import { parseQuery } from '../src/search/query.ts';
import { PAGE_SIZE } from '../src/search/view.ts';
import { BUDGETS } from '../tools/bench/weight.ts';
import { firstQuery, loadNodePagefind, type NodePagefind } from '../src/search/node-pagefind.ts';
import { fragmentUrls as bundleUrls } from './support/pagefind-files.ts';
import { containing, truthPages, type TruthPage } from './support/search-truth.ts';

const { content } = loadContent('content');
const pages = truthPages(content);
const byUrl = new Map(pages.map((p) => [p.url, p]));
const firstAuthor = content.people.find((p) => p.id === content.articles[0]!.data.author)!;
const QUERIES = [
  '内刊',
  '销售沟通会',
  '回款',
  '纯销',
  '布点',
  '学术推广',
  '办事处培训',
  firstAuthor.name,
  content.regions[0]!.name,
];

const INDEXES = {
  staff: { path: 'pagefind', covers: (p: TruthPage) => p.kind !== 'report' },
  managers: { path: 'manage/pagefind', covers: () => true },
} as const;

let outDir: string;
let buildOutput: string;
const loaded: Partial<Record<keyof typeof INDEXES, NodePagefind>> = {};
beforeAll(async () => {
  const sample = inject('sample');
  expect(sample.status, sample.output).toBe(0);
  outDir = sample.outDir;
  buildOutput = sample.output;
  for (const name of ['staff', 'managers'] as const)
    loaded[name] = await loadNodePagefind(outDir, INDEXES[name].path);
});

/** Runs a search and reads the URL of every hit (tests may load every fragment; the page loads ten). */
async function search(index: keyof typeof INDEXES, q: string, more: Partial<SearchRequest> = {}) {
  const request = {
    query: parseQuery(q),
    filters: {},
    sort: 'relevance' as const,
    exactOnly: false,
    ...more,
  };
  const ranked = await runSearch(loaded[index]!.pagefind, request);
  const urls = await Promise.all(ranked.hits.map(async (h) => (await h.data()).url));
  return { ...ranked, urls };
}

/** Every page of an index, read from its fragment files on disk rather than through pagefind. */
const fragmentUrls = (index: string) => bundleUrls(join(outDir, index));

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0);
}

describe.each(Object.keys(INDEXES) as (keyof typeof INDEXES)[])('the %s index', (index) => {
  const covered = pages.filter(INDEXES[index].covers);

  it.each(QUERIES)('finds every page containing %s, those first', async (q) => {
    const truth = containing(covered, q);
    expect(truth.size, `sample content never says ${q}`).toBeGreaterThan(0);
    const { urls, hits, completeCount } = await search(index, q);
    // Recall: every page that contains the phrase is found.
    expect([...truth].filter((u) => !urls.includes(u))).toEqual([]);
    // Precision: exactly those pages are complete matches, and they come first.
    expect(completeCount).toBe(truth.size);
    expect(urls.slice(0, truth.size).filter((u) => !truth.has(u))).toEqual([]);
    expect(hits.every((h, i) => h.complete === truth.has(urls[i]!))).toBe(true);
    // Nothing outside the index's scope.
    expect(urls.filter((u) => !covered.some((p) => p.url === u))).toEqual([]);
    console.info(
      `[${index}] ${q}: 包含 ${truth.size} 页，结果 ${urls.length} 条，完整匹配 ${completeCount} 条在前`,
    );
  });

  it.each(QUERIES)('"只看完整匹配" and a quoted %s give exactly the pages that contain it', async (q) => {
    const truth = containing(covered, q);
    expect(new Set((await search(index, q, { exactOnly: true })).urls)).toEqual(truth);
    expect(new Set((await search(index, `"${q}"`)).urls)).toEqual(truth);
  });
});

describe('the built pages', () => {
  const html = () =>
    readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({
        path: `/${f.replace(/index\.html$/, '')}`,
        text: readFileSync(join(outDir, f), 'utf8'),
      }));

  it('mark as searchable exactly the articles, minutes and reports', () => {
    const marked = html().filter((p) => p.text.includes('data-pagefind-body'));
    expect(marked.map((p) => p.path).sort()).toEqual(pages.map((p) => p.url).sort());
  });

  it('all carry the header search box, searching the managers index under /manage/', () => {
    // /admin/ is the CMS, an application with a frame of its own.
    for (const { path, text } of html().filter((p) => !p.path.startsWith('/admin/'))) {
      const action = path.startsWith('/manage/') ? '/manage/search/' : '/search/';
      expect(text, path).toMatch(new RegExp(`<form[^>]*role="search"[^>]*action="${action}"`));
      expect(text, path).toMatch(/<label[^>]*for="site-search-q"/);
      expect(text, path).toMatch(/<input[^>]*id="site-search-q"[^>]*name="q"/);
    }
  });
});

describe('the staff index', () => {
  it('holds articles and minutes only, nothing under /manage/', () => {
    const urls = fragmentUrls('pagefind');
    expect(urls.filter((u) => u.startsWith('/manage/'))).toEqual([]);
    expect(urls.sort()).toEqual(
      pages
        .filter((p) => p.kind !== 'report')
        .map((p) => p.url)
        .sort(),
    );
  });

  it('finds no report even for words only reports use', async () => {
    const report = pages.find((p) => p.kind === 'report')!;
    const { urls } = await search('staff', report.text.split('\n')[0]!);
    expect(urls.filter((u) => u.startsWith('/manage/'))).toEqual([]);
  });
});

describe('the managers index', () => {
  it('holds every article, minutes and report', () => {
    expect(fragmentUrls('manage/pagefind').sort()).toEqual(pages.map((p) => p.url).sort());
  });
});

describe('filters and sorting', () => {
  const east = content.regions[0]!.id;
  const cases: [string, Filters, (p: TruthPage) => boolean][] = [
    ['region', { region: east }, (p) => p.region === east],
    ['kind', { kind: 'meeting' }, (p) => p.kind === 'meeting'],
    ['month', { month: '2026-03' }, (p) => beijingMonth(p.time) === '2026-03'],
    ['author', { author: firstAuthor.id }, (p) => p.author === firstAuthor.id],
    ['kind and region', { kind: 'report', region: east }, (p) => p.kind === 'report' && p.region === east],
  ];

  it.each(cases)('%s narrows 回款 to exactly the matching pages', async (_, filters, keep) => {
    const within = pages.filter(keep);
    const { urls, completeCount } = await search('managers', '回款', { filters });
    expect(urls.every((u) => keep(byUrl.get(u)!))).toBe(true);
    expect(completeCount).toBe(containing(within, '回款').size);
  });

  it('lists pages by filters alone, newest first', async () => {
    const { urls } = await search('staff', '', { filters: { region: east, kind: 'article' } });
    const expected = pages.filter((p) => p.kind === 'article' && p.region === east);
    expect(new Set(urls)).toEqual(new Set(expected.map((p) => p.url)));
    const times = urls.map((u) => instantOf(byUrl.get(u)!.time).epochMilliseconds);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('sorts by time within complete and partial matches, complete ones still first', async () => {
    const truth = containing(pages, '学术推广');
    const { urls } = await search('managers', '学术推广', { sort: 'oldest' });
    const head = urls.slice(0, truth.size);
    expect(head.every((u) => truth.has(u))).toBe(true);
    const times = head.map((u) => instantOf(byUrl.get(u)!.time).epochMilliseconds);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['only punctuation', '，。！？……——“”《》<>&'],
    ['2,000 characters', '学术推广'.repeat(500)],
    ['a script tag', '<script>alert(1)</script>'],
    ['an attribute', '" onmouseover="alert(1)'],
  ])('%s: no error', async (_, q) => {
    await expect(search('staff', q)).resolves.toBeDefined();
  });
});

describe('cost', () => {
  it('is built by the build itself, and says how long indexing took', () => {
    const line = /搜索索引：员工 (\d+) 页，管理人员 (\d+) 页，用时 [\d.]+ 秒/.exec(buildOutput);
    expect(line, 'astro build ran no search integration').not.toBeNull();
    expect(Number(line![1])).toBe(pages.filter((p) => p.kind !== 'report').length);
    expect(Number(line![2])).toBe(pages.length);
    console.info(line![0]);
  });

  it('downloads little for the first query and its first results', async () => {
    const first = await firstQuery(outDir, 'pagefind', '学术推广');
    const sizes = {
      staff: sizeOf(join(outDir, 'pagefind')),
      managers: sizeOf(join(outDir, 'manage', 'pagefind')),
    };
    console.info(
      `首次搜索“学术推广”（含前 ${PAGE_SIZE} 条结果）下载 ${Math.round(first.bytes / 1024)} KB，${first.files} 个文件；` +
        `索引大小：员工 ${Math.round(sizes.staff / 1024)} KB，管理 ${Math.round(sizes.managers / 1024)} KB`,
    );
    expect(first.results).toBeGreaterThan(PAGE_SIZE);
    expect(first.bytes).toBeLessThanOrEqual(BUDGETS.firstQuery);
  });
});
