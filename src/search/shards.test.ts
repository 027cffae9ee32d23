import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SHARD,
  currentFrom,
  groupByShard,
  isShardId,
  newestFirst,
  shardId,
  shardManifest,
  shardSpan,
} from './shards.ts';

/** Epoch seconds of a time written with its offset, so that the test reads the same in every zone. */
const at = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds / 1000;
const now = Temporal.Instant.from('2026-11-25T18:00:00+08:00');

describe('currentFrom', () => {
  it('is the first instant of the Beijing month, not of the UTC or local one', () => {
    expect(currentFrom(now)).toBe(at('2026-11-01T00:00:00+08:00'));
    // 2026-10-31T20:00Z is already November in Beijing.
    expect(currentFrom(Temporal.Instant.from('2026-10-31T20:00:00Z'))).toBe(at('2026-11-01T00:00:00+08:00'));
    expect(currentFrom(Temporal.Instant.from('2026-10-31T15:59:59Z'))).toBe(at('2026-10-01T00:00:00+08:00'));
  });
});

describe('shardId', () => {
  it('puts this month and anything later in current', () => {
    expect(shardId(at('2026-11-01T00:00:00+08:00'), now)).toBe(CURRENT_SHARD);
    expect(shardId(at('2026-11-25T18:00:00+08:00'), now)).toBe(CURRENT_SHARD);
    expect(shardId(at('2027-03-01T09:00:00+08:00'), now)).toBe(CURRENT_SHARD);
  });

  it('puts earlier times in the shard of their Beijing year', () => {
    expect(shardId(at('2026-10-31T23:59:59+08:00'), now)).toBe('2026');
    expect(shardId(at('2026-01-01T00:00:00+08:00'), now)).toBe('2026');
    // 16:00 UTC on New Year's Eve is already the new year in Beijing; a second earlier is not.
    expect(shardId(at('2025-12-31T16:00:00Z'), now)).toBe('2026');
    expect(shardId(at('2025-12-31T15:59:59Z'), now)).toBe('2025');
    expect(shardId(at('2021-06-01T08:00:00+08:00'), now)).toBe('2021');
  });

  it('leaves no year shard for a build in January: last December is last year', () => {
    const january = Temporal.Instant.from('2027-01-05T10:00:00+08:00');
    expect(shardId(at('2026-12-31T23:00:00+08:00'), january)).toBe('2026');
    expect(shardId(at('2027-01-01T00:00:00+08:00'), january)).toBe(CURRENT_SHARD);
  });
});

describe('shardSpan', () => {
  it('covers from the month on, open-ended, for current', () => {
    expect(shardSpan(CURRENT_SHARD, now)).toEqual({ from: at('2026-11-01T00:00:00+08:00'), to: null });
  });

  it('covers the Beijing year, cut where current begins for this year', () => {
    expect(shardSpan('2025', now)).toEqual({
      from: at('2025-01-01T00:00:00+08:00'),
      to: at('2026-01-01T00:00:00+08:00'),
    });
    expect(shardSpan('2026', now)).toEqual({
      from: at('2026-01-01T00:00:00+08:00'),
      to: at('2026-11-01T00:00:00+08:00'),
    });
  });

  it('agrees with shardId at every edge', () => {
    for (const id of ['2024', '2025', '2026', CURRENT_SHARD]) {
      const { from, to } = shardSpan(id, now);
      expect(shardId(from, now)).toBe(id);
      if (to !== null) expect(shardId(to - 1, now)).toBe(id);
      if (to !== null) expect(shardId(to, now)).not.toBe(id);
      expect(shardId(from - 1, now)).not.toBe(id);
    }
  });

  it('refuses what is not a shard id, since ids become paths', () => {
    for (const id of ['', '../x', '20261', 'latest']) {
      expect(isShardId(id)).toBe(false);
      expect(() => shardSpan(id, now)).toThrow('不是搜索分片');
    }
  });
});

describe('groupByShard', () => {
  it('groups newest shard first and keeps the given order inside each shard', () => {
    const items = [
      { url: '/a/', t: at('2025-03-01T00:00:00+08:00') },
      { url: '/b/', t: at('2026-11-02T00:00:00+08:00') },
      { url: '/c/', t: at('2024-03-01T00:00:00+08:00') },
      { url: '/d/', t: at('2025-01-01T00:00:00+08:00') },
      { url: '/e/', t: at('2026-11-01T00:00:00+08:00') },
    ];
    const groups = groupByShard(items, (i) => i.t, now);
    expect([...groups.keys()]).toEqual([CURRENT_SHARD, '2025', '2024']);
    expect(groups.get(CURRENT_SHARD)!.map((i) => i.url)).toEqual(['/b/', '/e/']);
    expect(groups.get('2025')!.map((i) => i.url)).toEqual(['/a/', '/d/']);
  });
});

describe('shardManifest', () => {
  it('lists non-empty shards newest first, with paths and spans', () => {
    const manifest = shardManifest(
      '/manage/pagefind/',
      [
        ['2025', 3],
        [CURRENT_SHARD, 1],
        ['2026', 0],
        ['2026', 0],
      ],
      now,
    );
    expect(manifest).toEqual({
      version: 1,
      shards: [
        {
          id: CURRENT_SHARD,
          path: '/manage/pagefind/current/',
          from: at('2026-11-01T00:00:00+08:00'),
          to: null,
          pages: 1,
        },
        {
          id: '2025',
          path: '/manage/pagefind/2025/',
          from: at('2025-01-01T00:00:00+08:00'),
          to: at('2026-01-01T00:00:00+08:00'),
          pages: 3,
        },
      ],
    });
  });

  it('orders ids as numbers, current before every year', () => {
    expect(['2019', CURRENT_SHARD, '2026', '2100'].sort(newestFirst)).toEqual([
      CURRENT_SHARD,
      '2100',
      '2026',
      '2019',
    ]);
  });
});
