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
import { build, differences, filesBelow, type Build } from './support/build.ts';

/** The first file, in name order, of a folder. */
const firstIn = (dir: string) => join(dir, readdirSync(dir).sort()[0]!);

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
    fragments = ['pagefind', 'manage-pagefind'].map((name) =>
      firstIn(join(cacheDir, 'portal-search', name, 'index/fragment')),
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

  it('gives exactly the clean build, both search indexes included, and repairs the cache', () => {
    expect(differences(repaired.outDir, clean.outDir)).toEqual([]);
    const site = page.slice(join(cacheDir, 'dist').length);
    expect(readFileSync(page).equals(readFileSync(join(clean.outDir, site)))).toBe(true);
  });

  it('shares no file with the cache: writing into dist/pagefind leaves the cached index intact', () => {
    const cachedIndex = join(cacheDir, 'portal-search/pagefind/index');
    const files = filesBelow(join(repaired.outDir, 'pagefind'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files)
      expect(statSync(join(repaired.outDir, 'pagefind', f)).ino, f).not.toBe(
        statSync(join(cachedIndex, f)).ino,
      );
    const site = page.slice(join(cacheDir, 'dist').length);
    expect(statSync(join(repaired.outDir, site)).ino).not.toBe(statSync(page).ino);
    writeFileSync(join(repaired.outDir, 'pagefind/pagefind-entry.json'), 'overwritten');
    expect(readFileSync(join(cachedIndex, 'pagefind-entry.json'))).toEqual(
      readFileSync(join(clean.outDir, 'pagefind/pagefind-entry.json')),
    );
  });
});
