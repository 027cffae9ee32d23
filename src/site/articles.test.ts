import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  adjacentIssues,
  articlesOfMonth,
  categoryLabel,
  issuesByYear,
  chooseIssue,
  issueByRegion,
  issueMonths,
  regionArticlesByMonth,
  articleContexts,
  newestArticles,
} from './articles.ts';

const article = (id: string, submitted: string, region = 'east') => ({ id, data: { submitted, region } });
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
const now = (iso: string) => Temporal.Instant.from(iso);

const articles = [
  article('a-oct-last', '2026-10-31T23:59:59+08:00', 'south'),
  article('a-nov-first', '2026-11-01T00:00:00+08:00'),
  article('a-oct-mid', '2026-10-12T09:30:00+08:00'),
  article('a-sep', '2026-09-03T10:00:00+08:00', 'south'),
  article('a-oct-early', '2026-10-02T08:00:00+08:00', 'south'),
];

describe('categories', () => {
  it('are labelled from the model', () => {
    expect(categoryLabel('experience')).toBe('销售心得');
  });
});

describe('issues', () => {
  it('counts the articles of each Beijing month, newest first', () => {
    expect(issueMonths(articles)).toEqual([
      { month: '2026-11', count: 1 },
      { month: '2026-10', count: 3 },
      { month: '2026-09', count: 1 },
    ]);
  });

  it('keeps 23:59:59 in October and 00:00:00 in November', () => {
    expect(ids(articlesOfMonth(articles, '2026-10'))).toEqual(['a-oct-early', 'a-oct-mid', 'a-oct-last']);
    expect(ids(articlesOfMonth(articles, '2026-11'))).toEqual(['a-nov-first']);
  });

  it('groups a month by region in the order of regions.yaml', () => {
    const groups = issueByRegion(articles, '2026-10', ['east', 'south']);
    expect(groups.map((g) => [g.key, ids(g.items)])).toEqual([
      ['east', ['a-oct-mid']],
      ['south', ['a-oct-early', 'a-oct-last']],
    ]);
  });
});

describe('regionArticlesByMonth', () => {
  it('lists one region by month, newest first', () => {
    expect(regionArticlesByMonth(articles, 'south').map((g) => [g.key, ids(g.items)])).toEqual([
      ['2026-10', ['a-oct-last', 'a-oct-early']],
      ['2026-09', ['a-sep']],
    ]);
    expect(regionArticlesByMonth(articles, 'north')).toEqual([]);
  });
});

describe('chooseIssue', () => {
  it('shows the current Beijing month when it has articles', () => {
    expect(chooseIssue(articles, now('2026-10-20T12:00:00+08:00'))).toEqual({
      month: '2026-10',
      current: true,
    });
    // 16:00 UTC on 31 October is November in Beijing.
    expect(chooseIssue(articles, now('2026-10-31T16:00:00Z'))).toEqual({ month: '2026-11', current: true });
  });

  it('falls back to the latest earlier month with articles', () => {
    expect(chooseIssue(articles, now('2027-01-05T09:00:00+08:00'))).toEqual({
      month: '2026-11',
      current: false,
    });
    const octoberOnly = articles.filter((a) => !a.id.includes('nov'));
    expect(chooseIssue(octoberOnly, now('2026-11-01T00:00:00+08:00'))).toEqual({
      month: '2026-10',
      current: false,
    });
  });

  it('uses a later month only when nothing earlier exists', () => {
    expect(chooseIssue(articles, now('2026-08-01T00:00:00+08:00'))).toEqual({
      month: '2026-11',
      current: false,
    });
  });

  it('has nothing to show without articles', () => {
    expect(chooseIssue([], now('2026-10-20T12:00:00+08:00'))).toBeUndefined();
  });
});

describe('article contexts', () => {
  const contexts = articleContexts(articles, 5);
  const of = (id: string) => contexts.get(id)!;

  it('has one context per article', () => {
    expect([...contexts.keys()].sort()).toEqual(ids(articles).sort());
  });

  it('finds the older and the newer article by submitted time', () => {
    expect(of('a-oct-last').previous?.id).toBe('a-oct-mid');
    expect(of('a-oct-last').next?.id).toBe('a-nov-first');
  });

  it('has no previous for the oldest and no next for the newest', () => {
    expect(of('a-sep').previous).toBeUndefined();
    expect(of('a-nov-first').next).toBeUndefined();
  });

  it('compares instants, not the text of the times', () => {
    const mixed = [article('utc', '2026-10-12T02:00:00Z'), article('bj', '2026-10-12T09:30:00+08:00')];
    // 02:00 UTC is 10:00 Beijing time: after 09:30.
    expect(articleContexts(mixed, 5).get('bj')!.next?.id).toBe('utc');
    expect(ids(newestArticles(mixed))).toEqual(['utc', 'bj']);
  });

  it('lists the region’s articles just before, newest first, up to the count', () => {
    expect(ids(of('a-oct-last').more)).toEqual(['a-oct-early', 'a-sep']);
    expect(ids(articleContexts(articles, 1).get('a-oct-last')!.more)).toEqual(['a-oct-early']);
    expect(ids(articleContexts(articles, 1).get('a-oct-early')!.more)).toEqual(['a-sep']);
    expect(ids(of('a-nov-first').more)).toEqual(['a-oct-mid']);
  });

  it('fills the region’s first articles up with the ones just after', () => {
    expect(ids(articleContexts(articles, 1).get('a-sep')!.more)).toEqual(['a-oct-early']);
    expect(ids(articleContexts(articles, 2).get('a-oct-early')!.more)).toEqual(['a-oct-last', 'a-sep']);
    expect(ids(of('a-oct-mid').more)).toEqual(['a-nov-first']);
  });

  it('leaves the other articles’ lists alone when a newer one arrives, once a region has enough', () => {
    const lists = (all: typeof articles) =>
      Object.fromEntries([...articleContexts(all, 1)].map(([id, c]) => [id, ids(c.more)]));
    const before = lists(articles);
    const after = lists([...articles, article('a-nov-new', '2026-11-20T09:00:00+08:00', 'south')]);
    expect(after['a-nov-new']).toEqual(['a-oct-last']);
    for (const id of ids(articles)) expect(after[id], id).toEqual(before[id]);
  });

  it('orders equal times by id, whatever order the articles came in', () => {
    const same = ['c', 'a', 'b'].map((id) => article(id, '2026-10-12T09:30:00+08:00'));
    const forward = articleContexts(same, 5);
    const backward = articleContexts([...same].reverse(), 5);
    expect(forward.get('b')!.previous?.id).toBe('a');
    expect(forward.get('b')!.next?.id).toBe('c');
    for (const id of ['a', 'b', 'c']) {
      expect(ids(backward.get(id)!.more)).toEqual(ids(forward.get(id)!.more));
      expect(backward.get(id)!.previous?.id).toBe(forward.get(id)!.previous?.id);
    }
  });
});

describe('the archive', () => {
  const issues = [
    { month: '2027-01', count: 2 },
    { month: '2026-12', count: 1 },
    { month: '2026-10', count: 3 },
  ];

  it('groups issues by year, newest first', () => {
    expect(issuesByYear(issues)).toEqual([
      { year: '2027', issues: [{ month: '2027-01', count: 2 }] },
      {
        year: '2026',
        issues: [
          { month: '2026-12', count: 1 },
          { month: '2026-10', count: 3 },
        ],
      },
    ]);
  });

  it('finds the older and newer issue, skipping months without articles', () => {
    expect(adjacentIssues(issues, '2026-12')).toEqual({
      older: { month: '2026-10', count: 3 },
      newer: { month: '2027-01', count: 2 },
    });
    expect(adjacentIssues(issues, '2026-10').older).toBeUndefined();
    expect(adjacentIssues(issues, '2027-01').newer).toBeUndefined();
    expect(adjacentIssues(issues, '2026-11')).toEqual({ older: undefined, newer: undefined });
  });
});
