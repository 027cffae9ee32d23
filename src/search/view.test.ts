import { describe, expect, it } from 'vitest';
import type { PagefindData } from './pagefind-api.ts';
import { parseQuery } from './query.ts';
import { MESSAGES, moreLabel, resultsMessage, resultView, safePath, searchedMessage } from './view.ts';

const data = (over: Partial<PagefindData> = {}): PagefindData => ({
  url: '/articles/a/',
  content: '前言。本月开展学术推广活动。',
  excerpt: '开展<mark>学</mark><mark>术</mark>活动',
  meta: {
    title: '\u200B学\u200B术\u200B推\u200B广',
    kind: '内刊文章',
    region: '华东区',
    author: '张伟',
    date: '2026年3月1日',
  },
  filters: {},
  ...over,
});

describe('resultView', () => {
  it('shows title and facts without the indexer’s zero-width spaces', () => {
    const view = resultView(data(), true, parseQuery('学术推广'));
    expect(view.title).toBe('学术推广');
    expect(view.facts).toEqual(['内刊文章', '华东区', '张伟', '2026年3月1日']);
    expect(view.match).toBe('complete');
  });

  it('centres a complete match on the phrase, a partial one on pagefind’s excerpt', () => {
    const complete = resultView(data(), true, parseQuery('学术推广'));
    expect(complete.excerpt.filter((p) => p.mark).map((p) => p.text)).toEqual(['学术推广']);
    const partial = resultView(data(), false, parseQuery('学术推广'));
    expect(partial.match).toBe('partial');
    expect(partial.excerpt).toEqual([
      { text: '开展', mark: false },
      { text: '学术', mark: true },
      { text: '活动', mark: false },
    ]);
  });

  it('shows no match badge for filters alone, and survives missing metadata', () => {
    const view = resultView(data({ meta: {} }), false, parseQuery(''));
    expect(view.match).toBeUndefined();
    expect(view.title).toBe('（无标题）');
    expect(view.facts).toEqual([]);
  });

  it('links only to paths of this site', () => {
    expect(resultView(data({ url: 'javascript:alert(1)' }), false, parseQuery('x')).href).toBeUndefined();
    for (const url of ['//evil.example/', '/\\evil', 'https://evil.example/', ' /a/', '/a b/']) {
      expect(safePath(url), url).toBeUndefined();
    }
    expect(safePath('/manage/reports/r-1/')).toBe('/manage/reports/r-1/');
  });
});

describe('messages', () => {
  const q = parseQuery('学术推广');
  it('say how many results there are and how many contain the whole phrase', () => {
    expect(resultsMessage(q, { total: 107, complete: 51, exactOnly: false })).toBe(
      '找到 107 条结果，其中 51 条完整包含“学术推广”，排在前面。',
    );
    expect(resultsMessage(q, { total: 51, complete: 51, exactOnly: true })).toBe(
      '找到 51 条完整包含“学术推广”的结果。',
    );
    expect(resultsMessage(q, { total: 3, complete: 0, exactOnly: false })).toContain('一部分');
    expect(resultsMessage(q, { total: 0, complete: 0, exactOnly: false })).toContain(
      '没有找到包含“学术推广”的内容',
    );
    expect(resultsMessage(parseQuery(''), { total: 9, complete: 0, exactOnly: false })).toBe(
      '按筛选条件找到 9 条，最新的在前。',
    );
  });

  it('say when the query was cut', () => {
    expect(
      resultsMessage(parseQuery('学'.repeat(100)), { total: 1, complete: 1, exactOnly: false }),
    ).toContain('关键词太长');
    expect(moreLabel(7)).toBe('显示更多（还有 7 条）');
    expect(MESSAGES.nothingToSearch).toContain('标点');
  });

  it('say which years were searched while older ones are not, never a total', () => {
    const text = searchedMessage(q, { found: 12, searched: ['current', '2026'], exactOnly: false });
    expect(text).toBe(
      '在本月、2026 年的内容中找到 12 条完整包含“学术推广”的结果，最新的在前；更早的年份还没有搜索。' +
        '只包含部分字的结果，在全部年份搜索完之后列出。',
    );
    expect(searchedMessage(q, { found: 12, searched: ['current'], exactOnly: true })).not.toContain('部分');
    expect(searchedMessage(parseQuery(''), { found: 10, searched: ['current'], exactOnly: false })).toBe(
      '按筛选条件在本月的内容中找到 10 条，最新的在前；更早的年份还没有搜索。',
    );
    expect(moreLabel(3, false)).toBe('显示更多');
    expect(moreLabel(0, false)).toBe('搜索更早的年份');
  });
});
