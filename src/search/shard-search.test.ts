import { describe, expect, it } from 'vitest';
import type { PagefindInstance, PagefindSearchOptions } from './pagefind-api.ts';
import type { SortOrder } from './params.ts';
import { parseQuery } from './query.ts';
import { ShardSearch } from './shard-search.ts';
import type { ShardSource } from './shard-set.ts';

/** A page of a fake shard: whether it contains the phrase whole, its time and its relevance. */
interface FakePage {
  id: string;
  time: number;
  complete: boolean;
  score?: number;
}

/**
 * A shard that answers like pagefind: every page for the loose search, the complete ones for a phrase
 * search, by time when asked to sort and by score otherwise. Records whether it was opened and how many
 * result data were read.
 */
function fakeShard(id: string, from: number, to: number | null, pages: FakePage[]) {
  const use = { opened: false, data: 0 };
  const pagefind: PagefindInstance = {
    async search(term, options?: PagefindSearchOptions) {
      const hits = term?.startsWith('"') ? pages.filter((p) => p.complete) : [...pages];
      const time = options?.sort?.time;
      hits.sort((a, b) =>
        time ? (time === 'desc' ? b.time - a.time : a.time - b.time) : (b.score ?? 0) - (a.score ?? 0),
      );
      return {
        results: hits.map((p) => ({
          id: p.id,
          score: p.score ?? 0,
          data: async () => {
            use.data++;
            return {
              url: `/${p.id}/`,
              content: '',
              excerpt: '',
              meta: {},
              filters: { time: [String(p.time)] },
            };
          },
        })),
      };
    },
  };
  const source: ShardSource = {
    id,
    path: `/pagefind/${id}/`,
    from,
    to,
    instance: async () => {
      use.opened = true;
      return pagefind;
    },
  };
  return { source, use };
}

/** `n` pages at times start, start - 1, …; `complete` for the first `c` of them. */
const run = (prefix: string, start: number, n: number, c = n): FakePage[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, time: start - i, complete: i < c }));

const request = (q: string, sort: SortOrder = 'newest', exactOnly = false) => ({
  query: parseQuery(q),
  filters: {},
  sort,
  exactOnly,
});

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('a search over shards, newest first', () => {
  it('answers from the newest shard alone when it fills the page with complete matches', async () => {
    const current = fakeShard('current', 300, null, run('c', 399, 12, 11));
    const year = fakeShard('2026', 200, 300, run('y', 299, 5));
    const search = new ShardSearch([current.source, year.source], request('学术推广'));
    const first = await search.read(0, 10);
    expect(ids(first)).toEqual(ids(run('c', 399, 10)));
    expect(year.use.opened).toBe(false);
    // Nothing is claimed about older years: 11 complete matches known, the partial one not placed yet.
    expect(search.progress()).toEqual({ all: false, searched: ['current'], known: 11, complete: 11 });
  });

  it('puts a complete match of an older year before a partial one of this month', async () => {
    const current = fakeShard('current', 300, null, run('c', 399, 4, 2));
    const year = fakeShard('2026', 200, 300, run('y', 299, 3, 1));
    const old = fakeShard('2025', 100, 200, run('o', 199, 2, 0));
    const search = new ShardSearch([current.source, year.source, old.source], request('学术推广'));
    expect(ids(await search.read(0, 10))).toEqual(['c0', 'c1', 'y0', 'c2', 'c3', 'y1', 'y2', 'o0', 'o1']);
    expect(search.progress()).toEqual({
      all: true,
      searched: ['current', '2026', '2025'],
      known: 9,
      complete: 3,
    });
  });

  it('searches older shards only as the reader asks for more', async () => {
    const current = fakeShard('current', 300, null, run('c', 399, 10));
    const year = fakeShard('2026', 200, 300, run('y', 299, 10));
    const old = fakeShard('2025', 100, 200, run('o', 199, 10));
    const search = new ShardSearch([current.source, year.source, old.source], request('回款'));
    await search.read(0, 10);
    expect([year.use.opened, old.use.opened]).toEqual([false, false]);
    expect(ids(await search.read(10, 10))).toEqual(ids(run('y', 299, 10)));
    expect(old.use.opened).toBe(false);
    expect(search.progress().searched).toEqual(['current', '2026']);
    expect(await search.read(30, 10)).toEqual([]);
    expect(search.progress()).toMatchObject({ all: true, known: 30 });
  });

  it('merges the staff and report shards of one span by each hit’s own time', async () => {
    const staff = fakeShard('current', 300, null, [
      { id: 's1', time: 390, complete: true },
      { id: 's2', time: 350, complete: true },
      { id: 's3', time: 310, complete: false },
    ]);
    const reports = fakeShard('current', 300, null, [
      { id: 'r1', time: 395, complete: true },
      { id: 'r2', time: 350, complete: true },
      { id: 'r3', time: 360, complete: false },
    ]);
    const search = new ShardSearch([staff.source, reports.source], request('学术推广'));
    // Equal times: the staff shard (listed first) first.
    expect(ids(await search.read(0, 10))).toEqual(['r1', 's1', 's2', 'r2', 'r3', 's3']);
  });

  it('with 只看完整匹配 drops partial matches in every shard', async () => {
    const current = fakeShard('current', 300, null, run('c', 399, 3, 1));
    const year = fakeShard('2026', 200, 300, run('y', 299, 3, 2));
    const search = new ShardSearch([current.source, year.source], request('学术推广', 'newest', true));
    expect(ids(await search.read(0, 10))).toEqual(['c0', 'y0', 'y1']);
  });

  it('lists filters alone newest first, one section, as the newest shards fill the page', async () => {
    const current = fakeShard('current', 300, null, run('c', 399, 6, 0));
    const year = fakeShard('2026', 200, 300, run('y', 299, 6, 0));
    const old = fakeShard('2025', 100, 200, run('o', 199, 6, 0));
    const search = new ShardSearch([current.source, year.source, old.source], request('', 'relevance'));
    expect(ids(await search.read(0, 10))).toEqual([...ids(run('c', 399, 6)), ...ids(run('y', 299, 4))]);
    expect(old.use.opened).toBe(false);
    expect(search.progress()).toEqual({ all: false, searched: ['current', '2026'], known: 12, complete: 0 });
  });
});

describe('a search over shards in other orders', () => {
  it('oldest first searches every shard and reads them oldest first', async () => {
    const current = fakeShard('current', 300, null, run('c', 399, 2, 1));
    const old = fakeShard('2025', 100, 200, run('o', 199, 2, 1));
    const search = new ShardSearch([current.source, old.source], request('学术推广', 'oldest'));
    expect(ids(await search.read(0, 10))).toEqual(['o0', 'c0', 'o1', 'c1']);
    expect(search.progress().searched).toEqual(['current', '2025']);
  });

  it('relevance searches every shard and orders each section by score', async () => {
    const current = fakeShard('current', 300, null, [
      { id: 'c1', time: 350, complete: true, score: 2 },
      { id: 'c2', time: 340, complete: false, score: 9 },
    ]);
    const old = fakeShard('2025', 100, 200, [
      { id: 'o1', time: 150, complete: true, score: 5 },
      { id: 'o2', time: 140, complete: false, score: 1 },
    ]);
    const search = new ShardSearch([current.source, old.source], request('学术推广', 'relevance'));
    expect(ids(await search.read(0, 10))).toEqual(['o1', 'c1', 'c2', 'o2']);
    expect(current.use.data + old.use.data).toBe(0);
  });
});

describe('reading', () => {
  it('lets a second read wait for the first rather than search a shard twice', async () => {
    let searches = 0;
    const current = fakeShard('current', 300, null, run('c', 399, 3));
    const counted: ShardSource = {
      ...current.source,
      instance: async () => {
        const inner = await current.source.instance();
        return { search: (t, o) => (searches++, inner.search(t, o)) };
      },
    };
    const search = new ShardSearch([counted], request('回款'));
    const [a, b] = await Promise.all([search.read(0, 2), search.read(2, 2)]);
    expect([...ids(a), ...ids(b)]).toEqual(['c0', 'c1', 'c2']);
    // The loose search, one per character (回, 款) and one phrase search: once each.
    expect(searches).toBe(4);
  });
});
