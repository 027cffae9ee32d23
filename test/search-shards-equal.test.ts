/**
 * Searching the shards gives what one index over the same pages would give (issue 14): on the sample build,
 * for every query of the search tests, with and without filters and 只看完整匹配, the shard search (real
 * pagefind in Node, through the page's own code) and ONE pagefind index built here over the same pages
 * return the same results: in the same order when sorted by time, the same set and the same complete and
 * partial matches by relevance (pagefind's scores differ between indexes: Pagefind/pagefind#796).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchPages } from '../src/integrations/search-cache.ts';
import { writeBundle } from '../src/integrations/search-shard.ts';
import { loadContent } from '../src/load/load.ts';
import { runSearch, type SearchRequest } from '../src/search/engine.ts';
import { inStaffIndex } from '../src/search/indexing.ts';
import { loadNodePagefind, loadNodeShards } from '../src/search/node-pagefind.ts';
import type { PagefindInstance } from '../src/search/pagefind-api.ts';
import type { Filters, SortOrder } from '../src/search/params.ts';
import { parseQuery } from '../src/search/query.ts';
import { ShardSearch } from '../src/search/shard-search.ts';
import type { ShardSource } from '../src/search/shard-set.ts';
import { searchQueries } from './support/search-truth.ts';

const { content } = loadContent('content');
const east = content.regions[0]!.id;
const QUERIES = searchQueries(content);
const FILTERS: [string, Filters][] = [
  ['no filter', {}],
  ['a region', { region: east }],
  ['a month', { month: '2026-03' }],
];

const SEARCHES = {
  staff: { families: ['/pagefind/'], staffOnly: true },
  managers: { families: ['/pagefind/', '/manage/pagefind/'], staffOnly: false },
} as const;
type Which = keyof typeof SEARCHES;

let work: string;
const shards: Partial<Record<Which, ShardSource[]>> = {};
const whole: Partial<Record<Which, PagefindInstance>> = {};

beforeAll(async () => {
  const sample = inject('sample');
  expect(sample.status, sample.output).toBe(0);
  const pages = await searchPages(sample.outDir);
  // One index per search, over the same pages in the same (URL) order as the build's shards.
  work = mkdtempSync(join(tmpdir(), 'portal-one-index-'));
  for (const which of ['staff', 'managers'] as const) {
    const indexed = SEARCHES[which].staffOnly ? pages.filter((p) => inStaffIndex(p.url)) : pages;
    await writeBundle(indexed, join(work, 'one', which));
  }
  for (const which of ['staff', 'managers'] as const) {
    shards[which] = (await loadNodeShards(sample.outDir, SEARCHES[which].families)).shards;
    whole[which] = (await loadNodePagefind(work, `one/${which}`)).pagefind;
  }
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Found {
  urls: string[];
  complete: Set<string>;
}

async function urlsOf(hits: { complete: boolean; data(): Promise<{ url: string }> }[]): Promise<Found> {
  const urls = await Promise.all(hits.map(async (h) => (await h.data()).url));
  return { urls, complete: new Set(urls.filter((_, i) => hits[i]!.complete)) };
}

async function both(which: Which, request: SearchRequest): Promise<{ sharded: Found; one: Found }> {
  const sharded = await urlsOf(await new ShardSearch(shards[which]!, request).read(0, Infinity));
  const one = await urlsOf((await runSearch(whole[which]!, request)).hits);
  return { sharded, one };
}

const cases = (['staff', 'managers'] as const).flatMap((which) =>
  FILTERS.flatMap(([label, filters]) =>
    [false, true].map((exactOnly) => ({ which, label, filters, exactOnly })),
  ),
);

describe.each(cases)('$which search, $label, 只看完整匹配 $exactOnly', ({ which, filters, exactOnly }) => {
  const request = (q: string, sort: SortOrder): SearchRequest => ({
    query: parseQuery(q),
    filters,
    sort,
    exactOnly,
  });

  it.each(QUERIES)('%s: the same results in the same order, newest and oldest first', async (q) => {
    for (const sort of ['newest', 'oldest'] as const) {
      const { sharded, one } = await both(which, request(q, sort));
      expect(sharded.urls, sort).toEqual(one.urls);
      expect(sharded.complete, sort).toEqual(one.complete);
    }
  });

  it.each(QUERIES)('%s: the same results and the same complete matches first, by relevance', async (q) => {
    const { sharded, one } = await both(which, request(q, 'relevance'));
    expect(new Set(sharded.urls)).toEqual(new Set(one.urls));
    expect(sharded.urls).toHaveLength(one.urls.length);
    expect(sharded.complete).toEqual(one.complete);
    // Complete matches first, in both.
    expect(new Set(sharded.urls.slice(0, sharded.complete.size))).toEqual(sharded.complete);
  });
});

describe('filters alone', () => {
  it.each(['staff', 'managers'] as const)(
    'list the same pages, newest first, in %s search',
    async (which) => {
      const req: SearchRequest = {
        query: parseQuery(''),
        filters: { region: east },
        sort: 'newest',
        exactOnly: false,
      };
      const { sharded, one } = await both(which, req);
      expect(sharded.urls.length).toBeGreaterThan(20);
      expect(sharded.urls).toEqual(one.urls);
    },
  );
});
