/**
 * The search page's logic (src/search/session.ts) against the real staff shards of the sample build, run by
 * pagefind's own code in Node: what the page is told to show, in order, for each kind of search; paging;
 * older shards searched only when needed, and said so; a slow search never overwriting a later one; a
 * failed index load said in Chinese.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadNodeShards } from '../src/search/node-pagefind.ts';
import { readState } from '../src/search/params.ts';
import { parseQuery } from '../src/search/query.ts';
import { SearchSession, type Update } from '../src/search/session.ts';
import { ShardSearch } from '../src/search/shard-search.ts';
import type { ShardSource } from '../src/search/shard-set.ts';
import { MESSAGES, moreLabel, PAGE_SIZE } from '../src/search/view.ts';

let shards: ShardSource[];

beforeAll(async () => {
  const sample = inject('sample');
  expect(sample.status, sample.output).toBe(0);
  shards = (await loadNodeShards(sample.outDir, ['/pagefind/'])).shards;
});

function session(load: () => Promise<readonly ShardSource[]> = async () => shards) {
  const updates: Update[] = [];
  return { updates, session: new SearchSession({ load, baseTitle: '搜索', update: (u) => updates.push(u) }) };
}

const state = (search: string) => readState(new URLSearchParams(search), {});
const kinds = (updates: Update[]) => updates.map((u) => u.kind);

describe('a search session', () => {
  it('says nothing for an empty box, and why for punctuation only', async () => {
    const empty = session();
    await empty.session.show(state(''));
    expect(empty.updates).toEqual([
      { kind: 'reset', title: '搜索' },
      { kind: 'status', text: '' },
    ]);
    const marks = session();
    await marks.session.show(state('q=，。！'));
    expect(marks.updates.at(-1)).toEqual({ kind: 'status', text: MESSAGES.nothingToSearch });
  });

  it('shows the first page of results by relevance, then the next, with the counts found', async () => {
    const { updates, session: s } = session();
    await s.show(state('q=回款&sort=relevance'));
    const expected = new ShardSearch(shards, {
      query: parseQuery('回款'),
      filters: {},
      sort: 'relevance',
      exactOnly: false,
    });
    const all = await expected.read(0, Infinity);
    const total = all.length;
    expect(total).toBeGreaterThan(2 * PAGE_SIZE);
    expect(kinds(updates)).toEqual(['reset', 'status', 'busy', 'list', 'append', 'more', 'status', 'busy']);
    expect(updates[0]).toEqual({ kind: 'reset', title: '回款 - 搜索' });
    expect(updates[1]).toEqual({ kind: 'status', text: MESSAGES.searching });
    const first = updates[4] as Extract<Update, { kind: 'append' }>;
    expect(first.items).toHaveLength(PAGE_SIZE);
    expect(first.focus).toBe(false);
    expect(first.items[0]!.match).toBe('complete');
    expect(updates[5]).toEqual({ kind: 'more', hidden: false, label: moreLabel(total - PAGE_SIZE) });
    expect((updates[6] as { text: string }).text).toContain(`找到 ${total} 条`);

    updates.length = 0;
    await s.more(true);
    expect(updates).toMatchObject([
      { kind: 'append', focus: true },
      { kind: 'more', label: moreLabel(total - 2 * PAGE_SIZE) },
    ]);
    const titles = (updates[0] as Extract<Update, { kind: 'append' }>).items.map((i) => i.title);
    const data = await Promise.all(all.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((h) => h.data()));
    expect(titles).toEqual(data.map((d) => d.meta.title));
  });

  it('newest first searches the newest shards only, says which, and searches older years on request', async () => {
    const { updates, session: s } = session();
    // Filters alone: every page is a result, so the newest shard alone fills the first page.
    await s.show({ q: '', exact: false, sort: 'newest', filters: { kind: 'article' } });
    const newest = shards[0]!.id;
    const status = (updates.filter((u) => u.kind === 'status').at(-1) as { text: string }).text;
    expect(status).toContain('更早的年份还没有搜索');
    expect(status).toContain(newest === 'current' ? '本月' : `${newest} 年`);
    expect(status).not.toMatch(/共|全部/);
    const more = updates.filter((u) => u.kind === 'more').at(-1);
    expect(more).toMatchObject({ hidden: false });

    // Asking for more until every shard is searched: then the status gives the total.
    let shown = PAGE_SIZE;
    const said: Update[] = [];
    for (let i = 0; i < 200; i++) {
      said.push(...updates.filter((u) => u.kind === 'status'));
      updates.length = 0;
      await s.more(true);
      shown +=
        (updates.find((u) => u.kind === 'append') as { items: unknown[] } | undefined)?.items.length ?? 0;
      const last = updates.filter((u) => u.kind === 'more').at(-1) as { hidden: boolean };
      if (last.hidden) break;
    }
    const articles = await new ShardSearch(shards, {
      query: parseQuery(''),
      filters: { kind: 'article' },
      sort: 'newest',
      exactOnly: false,
    }).read(0, Infinity);
    expect(shown).toBe(articles.length);
    said.push(...updates.filter((u) => u.kind === 'status'));
    expect(said.at(-1)).toEqual({
      kind: 'status',
      text: `按筛选条件找到 ${articles.length} 条，最新的在前。`,
    });
  });

  it('never lets a slower earlier search overwrite a later one', async () => {
    const { updates, session: s } = session();
    const slow = s.show(state('q=学术推广'));
    const fast = s.show(state('q=回款'));
    await Promise.all([slow, fast]);
    const lastReset = updates.map((u) => u.kind).lastIndexOf('reset');
    expect(updates[lastReset]).toEqual({ kind: 'reset', title: '回款 - 搜索' });
    const after = updates.slice(lastReset);
    expect(after.filter((u) => u.kind === 'append')).toHaveLength(1);
    expect((after.at(-2) as { text: string }).text).toContain('回款');
    expect(updates.filter((u) => u.kind === 'status' && u.text.includes('学术推广'))).toEqual([]);
  });

  it('says in Chinese when the index cannot be loaded, and tries again next time', async () => {
    const sample = inject('sample');
    let tries = 0;
    const { updates, session: s } = session(async () => {
      tries++;
      return (await loadNodeShards(sample.outDir, ['/no-such-index/pagefind/'])).shards;
    });
    await s.show(state('q=回款'));
    expect(updates).toContainEqual({ kind: 'status', text: MESSAGES.failed });
    expect(updates.at(-1)).toEqual({ kind: 'busy', busy: false });
    await s.show(state('q=回款'));
    expect(tries).toBe(2);
  });
});
