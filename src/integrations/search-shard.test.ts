import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/tree.ts';
import { filesIn } from './digests.ts';
import { searchPages } from './search-cache.ts';
import { buildShard, installBundle, writeShardManifest } from './search-shard.ts';

const now = Temporal.Instant.from('2026-11-25T18:00:00+08:00');

const page = (text: string, time: number) =>
  `<html lang="zh-CN"><body><article data-pagefind-body><h1>${text}</h1></article>` +
  `<span data-pagefind-sort="time:${time}"></span></body></html>`;

const entry = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };

describe('buildShard', () => {
  it('indexes the pages with the real pagefind, then replaces the bundle and drops files it no longer has', async () => {
    const dist = writeTree({
      'articles/a/index.html': page('学术推广', 1793500000),
      'articles/b/index.html': page('回款', 1793500100),
    });
    const pages = await searchPages(dist);
    const shard = join(dist, 'pagefind', 'current');
    await buildShard(pages, shard);
    expect(Object.values(entry(shard).languages)[0]!.page_count).toBe(2);
    expect(existsSync(join(shard, 'pagefind.js'))).toBe(true);
    expect(existsSync(join(shard, 'pagefind-ui.js'))).toBe(false);
    const before = await filesIn(shard);

    await buildShard(pages.slice(0, 1), shard);
    expect(Object.values(entry(shard).languages)[0]!.page_count).toBe(1);
    const after = await filesIn(shard);
    expect(after.filter((f) => f.startsWith('fragment/'))).toHaveLength(1);
    expect(after.length).toBeLessThan(before.length);
    // Nothing is left beside the shard.
    expect(readdirSync(join(dist, 'pagefind'))).toEqual(['current']);
  });
});

describe('installBundle', () => {
  it('moves every file in, the entry file last, and removes the old files the new bundle lacks', async () => {
    const root = writeTree({
      'new/pagefind-entry.json': 'new entry',
      'new/fragment/b.pf_fragment': 'b',
      'old/pagefind-entry.json': 'old entry',
      'old/fragment/a.pf_fragment': 'a',
    });
    await installBundle(join(root, 'new'), join(root, 'old'));
    expect(await filesIn(join(root, 'old'))).toEqual(['fragment/b.pf_fragment', 'pagefind-entry.json']);
    expect(readFileSync(join(root, 'old/pagefind-entry.json'), 'utf8')).toBe('new entry');
    expect(existsSync(join(root, 'new'))).toBe(false);
  });
});

describe('writeShardManifest', () => {
  it('lists the shard bundles in dist with their page counts, newest first, and nothing else', async () => {
    const dist = writeTree({
      'manage/pagefind/2025/pagefind-entry.json': JSON.stringify({
        languages: { 'zh-cn': { page_count: 3 } },
      }),
      'manage/pagefind/current/pagefind-entry.json': JSON.stringify({
        languages: { 'zh-cn': { page_count: 1 } },
      }),
      'manage/pagefind/.current.new-1-0/pagefind-entry.json': '{}',
      'manage/pagefind/2024/half-written': '',
    });
    const manifest = await writeShardManifest(dist, 'manage/pagefind', now);
    expect(manifest.shards.map((s) => [s.id, s.path, s.pages])).toEqual([
      ['current', '/manage/pagefind/current/', 1],
      ['2025', '/manage/pagefind/2025/', 3],
    ]);
    expect(JSON.parse(readFileSync(join(dist, 'manage/pagefind/shards.json'), 'utf8'))).toEqual(manifest);
    expect(readdirSync(join(dist, 'manage/pagefind')).filter((n) => n.includes('shards'))).toEqual([
      'shards.json',
    ]);
  });

  it('writes an empty list for a family without shards', async () => {
    const dist = writeTree({ 'index.html': '' });
    mkdirSync(join(dist, 'pagefind'));
    writeFileSync(join(dist, 'pagefind', 'shards.json'), 'stale');
    expect((await writeShardManifest(dist, 'pagefind', now)).shards).toEqual([]);
    expect(JSON.parse(readFileSync(join(dist, 'pagefind/shards.json'), 'utf8'))).toEqual({
      version: 1,
      shards: [],
    });
  });
});
