import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runSearch } from './engine.ts';
import type { PagefindInstance, PagefindSearchOptions } from './pagefind-api.ts';
import { parseQuery } from './query.ts';

/**
 * A pagefind that answers from a table and records what it was asked. A single word it has no answer for
 * is on some page ('w'), as the words of a query usually are.
 */
function fake(answers: Record<string, string[]>) {
  const calls: [string | null, PagefindSearchOptions | undefined][] = [];
  const pagefind: PagefindInstance = {
    async search(term, options) {
      calls.push([term, options]);
      const word = term !== null && /^[^\s"]+$/.test(term);
      const ids = answers[term ?? ''] ?? (word ? ['w'] : []);
      return {
        results: ids.map((id) => ({
          id,
          score: 1,
          data: async () => ({ url: `/${id}/`, content: '', excerpt: '', meta: {}, filters: {} }),
        })),
      };
    },
  };
  return { pagefind, calls };
}

const request = (q: string, more = {}) => ({
  query: parseQuery(q),
  filters: {},
  sort: 'relevance' as const,
  exactOnly: false,
  ...more,
});

describe('runSearch', () => {
  it('asks for every character for recall and for each phrase for precision, complete matches first', async () => {
    const { pagefind, calls } = fake({
      '学 术 推 广 华 东': ['a', 'b', 'c', 'd'],
      '"学 术 推 广"': ['c', 'a', 'd'],
      '"华 东"': ['d', 'c', 'b'],
    });
    const ranked = await runSearch(pagefind, request('学术推广 华东'));
    expect(calls.map(([term]) => term)).toEqual([
      '学 术 推 广 华 东',
      ...'学术推广华东',
      '"学 术 推 广"',
      '"华 东"',
    ]);
    expect(ranked.hits.map((h) => h.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(ranked.completeCount).toBe(2);
  });

  it('requires quoted phrases', async () => {
    const { pagefind } = fake({
      '学 术 推 广 华 东': ['a', 'b', 'c'],
      '"学 术 推 广"': ['b'],
      '"华 东"': ['a', 'b'],
    });
    expect((await runSearch(pagefind, request('"学术推广" 华东'))).hits.map((h) => h.id)).toEqual(['b']);
  });

  it('finds nothing when one of the words is on no page, which pagefind would leave out', async () => {
    const { pagefind } = fake({ '高 萍': ['a', 'b'], 萍: [], '"高 萍"': [] });
    const ranked = await runSearch(pagefind, request('高萍'));
    expect(ranked.hits).toEqual([]);
  });

  it('passes filters and the order on to every search', async () => {
    const { pagefind, calls } = fake({});
    await runSearch(
      pagefind,
      request('回款', { filters: { region: 'east', kind: undefined }, sort: 'oldest' }),
    );
    for (const [, options] of calls)
      expect(options).toEqual({ filters: { region: 'east' }, sort: { time: 'asc' } });
  });

  it('lists by filters alone newest first, with nothing marked complete', async () => {
    const { pagefind, calls } = fake({ '': ['x', 'y'] });
    const ranked = await runSearch(pagefind, request('', { filters: { kind: 'meeting' }, exactOnly: true }));
    expect(calls).toEqual([[null, { filters: { kind: 'meeting' }, sort: { time: 'desc' } }]]);
    expect(ranked.hits.map((h) => [h.id, h.complete])).toEqual([
      ['x', false],
      ['y', false],
    ]);
  });

  it('holds every result pagefind gave while its hit is held: its data lives in the worker only that long', async () => {
    // The browser's pagefind releases a result's data when the result object is collected (engine.ts held).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const given: WeakRef<object>[] = [];
    const { pagefind } = fake({ '回 款': ['a', 'b', 'c'], '"回 款"': ['b'] });
    const search = pagefind.search.bind(pagefind);
    pagefind.search = async (term, options) => {
      const response = await search(term, options);
      if (term === '回 款') given.push(...response.results.map((r) => new WeakRef(r)));
      return response;
    };
    const ranked = await runSearch(pagefind, request('回款'));
    // A WeakRef's target stays alive until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(given).toHaveLength(3);
    expect(given.filter((ref) => ref.deref() === undefined)).toEqual([]);
    expect(ranked.hits.map((h) => h.id)).toEqual(['b', 'a', 'c']);
    expect((await ranked.hits[0]!.data()).url).toBe('/b/');
  });
});
