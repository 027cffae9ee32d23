import { describe, expect, it } from 'vitest';
import { DEPARTMENT_FILTER, pagefindFacts } from './facts.ts';

describe('pagefindFacts', () => {
  it('gives an article its filters as ids, its result line as text, and its time to sort by', () => {
    const facts = pagefindFacts({
      kind: 'article',
      title: '学术推广  怎样\n做出实效',
      time: '2026-03-31T23:30:00+08:00',
      region: 'east',
      regionName: '华东区',
      author: 'zhangwei',
      authorName: '张伟',
      category: 'academic',
    });
    expect(facts.filters).toEqual([
      ['kind', 'article'],
      ['region', 'east'],
      ['month', '2026-03'],
      ['author', 'zhangwei'],
      ['category', 'academic'],
      ['time', String(Date.parse('2026-03-31T15:30:00Z') / 1000)],
    ]);
    expect(Object.fromEntries(facts.meta)).toEqual({
      title: '学术推广 怎样 做出实效',
      kind: '内刊文章',
      region: '华东区',
      author: '张伟',
      date: '2026年3月31日',
    });
    expect(facts.sort).toEqual([['time', String(Date.parse('2026-03-31T15:30:00Z') / 1000)]]);
  });

  it('files a department-wide meeting under its own region value, by Beijing month', () => {
    const facts = pagefindFacts({
      kind: 'meeting',
      title: '月例会',
      time: '2026-02-28T17:30:00Z',
      region: undefined,
      regionName: '全部门',
      author: 'li',
      authorName: '李',
      meetingKind: 'monthly',
    });
    expect(facts.filters).toContainEqual(['region', DEPARTMENT_FILTER]);
    expect(facts.filters).toContainEqual(['month', '2026-03']);
    expect(facts.filters).toContainEqual(['meeting', 'monthly']);
  });

  it('keeps titles with commas and colons whole (one literal per element)', () => {
    const facts = pagefindFacts({
      kind: 'report',
      title: '张伟的周报：2026年第5周, 补充',
      time: '2026-02-02T09:00:00+08:00',
      region: 'east',
      regionName: '华东区',
      author: 'zhangwei',
      authorName: '张伟',
      reportKind: 'weekly',
    });
    expect(facts.meta[0]).toEqual(['title', '张伟的周报：2026年第5周, 补充']);
    expect(facts.filters).toContainEqual(['report', 'weekly']);
  });
});
