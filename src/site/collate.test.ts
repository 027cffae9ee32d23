import { describe, expect, it } from 'vitest';
import { countItems, groupByKey, groupByMonth, sortByTime } from './collate.ts';

const item = (id: string, at: string, region = 'east') => ({ id, at, region });
const at = (i: { at: string }) => i.at;
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('sortByTime', () => {
  it('compares instants, not text', () => {
    // 09:00 UTC is 17:00 in Beijing: later than 10:00+08:00 although its text sorts first.
    const items = [item('b', '2026-10-12T10:00:00+08:00'), item('a', '2026-10-12T09:00:00Z')];
    expect(ids(sortByTime(items, at))).toEqual(['b', 'a']);
    expect(ids(sortByTime(items, at, 'desc'))).toEqual(['a', 'b']);
  });

  it('breaks ties by id and does not touch its input', () => {
    const items = [item('z', '2026-10-12T10:00:00+08:00'), item('a', '2026-10-12T02:00:00Z')];
    expect(ids(sortByTime(items, at))).toEqual(['a', 'z']);
    expect(ids(items)).toEqual(['z', 'a']);
  });
});

describe('groupByMonth', () => {
  const items = [
    item('oct-last', '2026-10-31T23:59:59+08:00'),
    item('nov-first', '2026-11-01T00:00:00+08:00'),
    item('nov-utc', '2026-10-31T16:30:00Z'),
    item('sep', '2026-09-15T09:00:00+08:00'),
    item('oct-first', '2026-10-01T00:00:00+08:00'),
  ];

  it('groups on the Beijing month boundary, newest first by default', () => {
    expect(groupByMonth(items, at).map((g) => [g.key, ids(g.items)])).toEqual([
      ['2026-11', ['nov-utc', 'nov-first']],
      ['2026-10', ['oct-last', 'oct-first']],
      ['2026-09', ['sep']],
    ]);
  });

  it('can go oldest first', () => {
    expect(groupByMonth(items, at, 'asc').map((g) => [g.key, ids(g.items)])).toEqual([
      ['2026-09', ['sep']],
      ['2026-10', ['oct-first', 'oct-last']],
      ['2026-11', ['nov-first', 'nov-utc']],
    ]);
  });

  it('gives no groups for no items', () => {
    expect(groupByMonth([], at)).toEqual([]);
  });

  it('counts the items of all groups', () => {
    expect(countItems(groupByMonth(items, at))).toBe(5);
    expect(countItems([])).toBe(0);
  });
});

describe('groupByKey', () => {
  it('follows the order of the keys, skips empty ones and puts unknown keys last', () => {
    const items = [
      item('1', '2026-10-01T00:00:00+08:00', 'south'),
      item('2', '2026-10-01T00:00:00+08:00', 'zzz'),
      item('3', '2026-10-01T00:00:00+08:00', 'east'),
      item('4', '2026-10-01T00:00:00+08:00', 'south'),
      item('5', '2026-10-01T00:00:00+08:00', 'aaa'),
    ];
    const groups = groupByKey(items, (i) => i.region, ['east', 'north', 'south']);
    expect(groups.map((g) => [g.key, ids(g.items)])).toEqual([
      ['east', ['3']],
      ['south', ['1', '4']],
      ['aaa', ['5']],
      ['zzz', ['2']],
    ]);
  });
});
