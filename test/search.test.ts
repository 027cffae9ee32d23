/**
 * The search shards of a real build of the sample content, searched in Node with the pagefind.js and
 * WebAssembly the build ships, through the same shard search the page runs. Every expectation is counted
 * from the source files (content/), never hard-coded: each domain query must find every page that contains
 * it (recall), and those pages must come before all others (precision).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { beijingMonth, instantOf } from '../src/model/time.ts';
import type { SearchRequest } from '../src/search/engine.ts';
import type { Filters } from '../src/search/params.ts';
import { parseQuery } from '../src/search/query.ts';
import { ShardSearch } from '../src/search/shard-search.ts';
import type { ShardSource } from '../src/search/shard-set.ts';
import { loadNodeShards } from '../src/search/node-pagefind.ts';
import { fragmentUrls as bundleUrls } from './support/pagefind-files.ts';
import { containing, searchQueries, truthPages, type TruthPage } from './support/search-truth.ts';

const { content } = loadContent('content');
const pages = truthPages(content);
const byUrl = new Map(pages.map((p) => [p.url, p]));
const firstAuthor = content.people.find((p) => p.id === content.articles[0]!.data.author)!;
const QUERIES = searchQueries(content);

const INDEXES = {
  staff: { families: ['/pagefind/'], covers: (p: TruthPage) => p.kind !== 'report' },
  managers: { families: ['/pagefind/', '/manage/pagefind/'], covers: () => true },
} as const;

let outDir: string;
let buildOutput: string;
const loaded: Partial<Record<keyof typeof INDEXES, ShardSource[]>> = {};
beforeAll(async () => {
  const sample = inject('sample');
  expect(sample.status, sample.output).toBe(0);
  outDir = sample.outDir;
  buildOutput = sample.output;
  for (const name of ['staff', 'managers'] as const)
    loaded[name] = (await loadNodeShards(outDir, INDEXES[name].families)).shards;
});

/** Runs a search to the end and reads the URL of every hit (tests may load every fragment; the page loads ten). */
async function search(index: keyof typeof INDEXES, q: string, more: Partial<SearchRequest> = {}) {
  const request = {
    query: parseQuery(q),
    filters: {},
    sort: 'newest' as const,
    exactOnly: false,
    ...more,
  };
  const shardSearch = new ShardSearch(loaded[index]!, request);
  const hits = await shardSearch.read(0, Infinity);
  const urls = await Promise.all(hits.map(async (h) => (await h.data()).url));
  return { hits, completeCount: shardSearch.progress().complete, urls };
}

/** Every page of a shard family, read from its fragment files on disk rather than through pagefind. */
function fragmentUrls(family: string): string[] {
  const shards = readdirSync(join(outDir, family), { withFileTypes: true }).filter((e) => e.isDirectory());
  return shards.flatMap((shard) => bundleUrls(join(outDir, family, shard.name)));
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

describe('the managers search', () => {
  it('reads the staff shards and the report shards: every article, minutes and report, once', () => {
    const urls = [...fragmentUrls('pagefind'), ...fragmentUrls('manage/pagefind')];
    expect(urls.sort()).toEqual(pages.map((p) => p.url).sort());
    expect(fragmentUrls('manage/pagefind').every((u) => u.startsWith('/manage/'))).toBe(true);
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

  it.each(['oldest', 'newest'] as const)(
    'sorts %s first within complete and partial matches across shards, complete ones still first',
    async (sort) => {
      const truth = containing(pages, '学术推广');
      const { urls } = await search('managers', '学术推广', { sort });
      const sorted = (part: string[]) => {
        const times = part.map((u) => instantOf(byUrl.get(u)!.time).epochMilliseconds);
        return times.every(
          (t, i) => i === 0 || (sort === 'oldest' ? times[i - 1]! <= t : times[i - 1]! >= t),
        );
      };
      const head = urls.slice(0, truth.size);
      expect(head.every((u) => truth.has(u))).toBe(true);
      expect(sorted(head)).toBe(true);
      expect(sorted(urls.slice(truth.size))).toBe(true);
    },
  );
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
    const line =
      /搜索索引：员工 (\d+) 页（\d+ 个分片），工作汇报 (\d+) 页（\d+ 个分片），用时 [\d.]+ 秒/.exec(
        buildOutput,
      );
    expect(line, 'astro build ran no search integration').not.toBeNull();
    expect(Number(line![1])).toBe(pages.filter((p) => p.kind !== 'report').length);
    expect(Number(line![2])).toBe(pages.filter((p) => p.kind === 'report').length);
    console.info(line![0]);
  });
});
