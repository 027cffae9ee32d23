/**
 * The search page's logic (src/search/session.ts) against the real staff index of the sample build, run by
 * pagefind's own code in Node: what the page is told to show, in order, for each kind of search; paging;
 * a slow search never overwriting a later one; a failed index load said in Chinese.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runSearch } from '../src/search/engine.ts';
import { loadNodePagefind } from '../src/search/node-pagefind.ts';
import type { PagefindInstance } from '../src/search/pagefind-api.ts';
import { readState } from '../src/search/params.ts';
import { parseQuery } from '../src/search/query.ts';
import { SearchSession, type Update } from '../src/search/session.ts';
import { MESSAGES, moreLabel, PAGE_SIZE } from '../src/search/view.ts';

let pagefind: PagefindInstance;

beforeAll(async () => {
  const sample = inject('sample');
  expect(sample.status, sample.output).toBe(0);
  pagefind = (await loadNodePagefind(sample.outDir, 'pagefind')).pagefind;
});

function session(load: () => Promise<PagefindInstance> = async () => pagefind) {
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

  it('shows the first page of results, then the next, with the counts the engine found', async () => {
    const { updates, session: s } = session();
    await s.show(state('q=回款'));
    const expected = await runSearch(pagefind, {
      query: parseQuery('回款'),
      filters: {},
      sort: 'relevance',
      exactOnly: false,
    });
    const total = expected.hits.length;
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
    const data = await Promise.all(expected.hits.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((h) => h.data()));
    expect(titles).toEqual(data.map((d) => d.meta.title));
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
      return (await loadNodePagefind(sample.outDir, 'no-such-index')).pagefind;
    });
    await s.show(state('q=回款'));
    expect(updates).toContainEqual({ kind: 'status', text: MESSAGES.failed });
    expect(updates.at(-1)).toEqual({ kind: 'busy', busy: false });
    await s.show(state('q=回款'));
    expect(tries).toBe(2);
  });
});
