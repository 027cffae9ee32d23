/**
 * Caches that are checked, not trusted: a cached page and cached search index files damaged between two
 * builds are found by their digests, logged in Chinese and built again, so the second build is exactly the
 * clean first one; and dist never shares a file with the cache.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShardManifest } from '../src/search/shards.ts';
import { build, differences, filesBelow, type Build } from './support/build.ts';

/** The first file, in name order, of a folder. */
const firstIn = (dir: string) => join(dir, readdirSync(dir).sort()[0]!);

/** The id of the newest search shard of a family (`pagefind` or `manage-pagefind`) that a build wrote. */
const newestShard = (outDir: string, family: string) =>
  (JSON.parse(readFileSync(join(outDir, family.replace('-', '/'), 'shards.json'), 'utf8')) as ShardManifest)
    .shards[0]!.id;

describe('a build after its cache was damaged', () => {
  let cacheDir: string;
  let clean: Build;
  let repaired: Build;
  let page: string;
  let fragments: string[];
  beforeAll(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'portal-cache-'));
    const env = { PORTAL_CACHE_DIR: cacheDir };
    clean = build(resolve('content'), env);
    expect(clean.status, clean.output).toBe(0);
    page = join(firstIn(join(cacheDir, 'dist/articles')), 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<main', '<main data-tampered="1"'));
    // One shard of each family: its cache folder is named for both, e.g. manage-pagefind-2026.
    fragments = ['pagefind', 'manage-pagefind'].map((family) =>
      firstIn(
        join(cacheDir, 'portal-search', `${family}-${newestShard(clean.outDir, family)}`, 'index/fragment'),
      ),
    );
    for (const f of fragments) writeFileSync(f, 'damaged');
    repaired = build(resolve('content'), env);
    expect(repaired.status, repaired.output).toBe(0);
  });

  it('logs each damaged file with its recorded and its actual digest', () => {
    for (const file of [page, ...fragments])
      expect(repaired.output).toMatch(
        new RegExp(`缓存文件与记录的摘要不符：${file}，应为 sha256 [0-9a-f]{64}，实为 sha256 [0-9a-f]{64}`),
      );
  });

  it('gives exactly the clean build, every search shard included, and repairs the cache', () => {
    expect(differences(repaired.outDir, clean.outDir)).toEqual([]);
    const site = page.slice(join(cacheDir, 'dist').length);
    expect(readFileSync(page).equals(readFileSync(join(clean.outDir, site)))).toBe(true);
  });

  it('shares no file with the cache: writing into a shard in dist leaves the cached shard intact', () => {
    const id = newestShard(repaired.outDir, 'pagefind');
    const cachedIndex = join(cacheDir, `portal-search/pagefind-${id}/index`);
    const shard = join(repaired.outDir, 'pagefind', id);
    const files = filesBelow(shard);
    expect(files.length).toBeGreaterThan(3);
    for (const f of files)
      expect(statSync(join(shard, f)).ino, f).not.toBe(statSync(join(cachedIndex, f)).ino);
    const site = page.slice(join(cacheDir, 'dist').length);
    expect(statSync(join(repaired.outDir, site)).ino).not.toBe(statSync(page).ino);
    writeFileSync(join(shard, 'pagefind-entry.json'), 'overwritten');
    expect(readFileSync(join(cachedIndex, 'pagefind-entry.json'))).toEqual(
      readFileSync(join(clean.outDir, 'pagefind', id, 'pagefind-entry.json')),
    );
  });
});
