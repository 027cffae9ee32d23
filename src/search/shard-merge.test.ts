import { describe, expect, it } from 'vitest';
import { byScore, spanGroups, TimeMerge } from './shard-merge.ts';

const shard = (id: string, from: number, to: number | null) => ({ id, from, to });

describe('spanGroups', () => {
  it('puts the staff and report shards of one span together, newest span first, staff first', () => {
    const shards = [
      shard('staff-current', 300, null),
      shard('staff-2026', 200, 300),
      shard('staff-2025', 100, 200),
      shard('reports-current', 300, null),
      shard('reports-2025', 100, 200),
    ];
    expect(spanGroups(shards).map((g) => g.map((s) => s.id))).toEqual([
      ['staff-current', 'reports-current'],
      ['staff-2026'],
      ['staff-2025', 'reports-2025'],
    ]);
  });

  it('joins any shards whose spans overlap, even when they do not line up', () => {
    // A manifest written at another month's start: its `current` begins later than the other's.
    const shards = [shard('a-current', 300, null), shard('b-current', 250, null), shard('a-2026', 200, 300)];
    expect(spanGroups(shards).map((g) => g.map((s) => s.id))).toEqual([['a-current', 'b-current', 'a-2026']]);
  });

  it('keeps adjacent spans apart: `to` is exclusive', () => {
    expect(spanGroups([shard('old', 0, 10), shard('new', 10, 20)]).map((g) => g.length)).toEqual([1, 1]);
    expect(spanGroups([])).toEqual([]);
  });
});

describe('TimeMerge', () => {
  type Hit = { id: string; time: number };
  const hits = (...times: number[]) => times.map((time, i) => ({ id: `${time}-${i}`, time }));

  function merge(lists: Hit[][], order: 'newest' | 'oldest' = 'newest') {
    const asked: string[] = [];
    const merged = new TimeMerge(
      lists,
      async (h) => {
        asked.push(h.id);
        return h.time;
      },
      order,
    );
    return { merged, asked };
  }

  it('reads sorted lists as one sorted list, exactly by time', async () => {
    const { merged } = merge([hits(9, 7, 4, 1), hits(8, 7, 2), hits()]);
    expect(merged.remaining).toBe(7);
    const all = await merged.take(100);
    expect(all.map((h) => h.time)).toEqual([9, 8, 7, 7, 4, 2, 1]);
    // Equal times: the earlier list's hit first.
    expect(all[2]!.id).toBe('7-1');
    expect(merged.remaining).toBe(0);
  });

  it('merges oldest first too', async () => {
    const { merged } = merge([hits(1, 4, 9), hits(2, 3)], 'oldest');
    expect((await merged.take(10)).map((h) => h.time)).toEqual([1, 2, 3, 4, 9]);
  });

  it('asks only for the times at the front of each list, and none for a single list', async () => {
    const two = merge([hits(9, 8, 7, 6, 5), hits(1, 0)]);
    expect((await two.merged.take(2)).map((h) => h.time)).toEqual([9, 8]);
    expect(two.asked.sort()).toEqual(['1-0', '8-1', '9-0']);
    const one = merge([hits(3, 2, 1)]);
    expect((await one.merged.take(2)).map((h) => h.time)).toEqual([3, 2]);
    expect(one.asked).toEqual([]);
  });

  it('continues where the last take ended', async () => {
    const { merged } = merge([hits(6, 4, 2), hits(5, 3, 1)]);
    expect((await merged.take(2)).map((h) => h.time)).toEqual([6, 5]);
    expect((await merged.take(3)).map((h) => h.time)).toEqual([4, 3, 2]);
    expect((await merged.take(3)).map((h) => h.time)).toEqual([1]);
  });
});

describe('byScore', () => {
  it('orders by score across lists, equal scores in list order', () => {
    const a = [
      { id: 'a1', score: 5 },
      { id: 'a2', score: 1 },
    ];
    const b = [
      { id: 'b1', score: 3 },
      { id: 'b2', score: 1 },
    ];
    expect(byScore([a, b]).map((h) => h.id)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });
});
