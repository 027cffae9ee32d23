import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/tree.ts';
import { digestOf } from './digests.ts';
import { prepareOutDir, recordOutDir, sweepOutDir } from './dist-state.ts';

const SITE = { 'a/index.html': '<p>a</p>', 'b/index.html': '<p>b</p>', '_astro/x.js': 'x()' };
const PAGES = new Set(['a/index.html', 'b/index.html']);
const cachedOf = (files: Record<string, string>) =>
  Object.fromEntries([...PAGES].map((p) => [p, digestOf(files[p] ?? '')]));

/** An output folder as a finished build leaves it, with its record in a cache folder. */
async function finished() {
  const cache = mkdtempSync(join(tmpdir(), 'portal-cache-'));
  const dist = writeTree(SITE);
  const prepared = await prepareOutDir(cache, dist, {});
  // Everything in the folder was written by this "build" (it was empty before).
  expect(prepared.removed).toBe(3);
  for (const [f, t] of Object.entries(SITE)) writeFileSync(join(dist, f), t);
  const empty = { kept: {}, before: new Map(), removed: 0 };
  expect(await sweepOutDir(dist, PAGES, empty)).toEqual([]);
  expect(await recordOutDir(cache, dist, PAGES, empty)).toEqual(cachedOf(SITE));
  return { cache, dist };
}

describe('building in place', () => {
  it('empties a folder it has no record of, as Astro would', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'portal-cache-'));
    const dist = writeTree(SITE);
    const prepared = await prepareOutDir(cache, dist, cachedOf(SITE));
    expect(prepared.removed).toBe(3);
    expect(existsSync(join(dist, 'a/index.html'))).toBe(false);
  });

  it('keeps untouched files and pages equal to their cached copy; deletes the rest', async () => {
    const { cache, dist } = await finished();
    writeFileSync(join(dist, 'stray.html'), 'no build made me');
    // b's cached copy is newer than the folder's (another build into another folder changed it).
    const prepared = await prepareOutDir(cache, dist, cachedOf({ ...SITE, 'b/index.html': '<p>b2</p>' }));
    expect(Object.keys(prepared.kept)).toEqual(['a/index.html']);
    expect(existsSync(join(dist, 'a/index.html'))).toBe(true);
    expect(existsSync(join(dist, '_astro/x.js'))).toBe(true);
    expect(existsSync(join(dist, 'b/index.html'))).toBe(false);
    expect(existsSync(join(dist, 'stray.html'))).toBe(false);
  });

  it('deletes a file edited since its build, and trusts no record twice', async () => {
    const { cache, dist } = await finished();
    writeFileSync(join(dist, 'a/index.html'), '<p>edited</p>');
    const prepared = await prepareOutDir(cache, dist, cachedOf(SITE));
    expect(existsSync(join(dist, 'a/index.html'))).toBe(false);
    expect(Object.keys(prepared.kept)).toEqual(['b/index.html']);
    // The record was consumed: a build that stops now leaves the next one nothing to trust.
    expect((await prepareOutDir(cache, dist, cachedOf(SITE))).removed).toBe(2);
  });

  it('once the pages are written, deletes what the build neither wrote nor kept as a page', async () => {
    const { cache, dist } = await finished();
    const prepared = await prepareOutDir(cache, dist, cachedOf(SITE));
    // This build: page a unchanged (kept), page b gone (its entry was deleted), the script rewritten.
    writeFileSync(join(dist, '_astro/x.js'), 'y()');
    const pages = new Set(['a/index.html']);
    expect(await sweepOutDir(dist, pages, prepared)).toEqual(['b/index.html']);
    expect(existsSync(join(dist, 'b'))).toBe(false);
    expect(await recordOutDir(cache, dist, pages, prepared)).toEqual({
      'a/index.html': digestOf('<p>a</p>'),
    });
    expect(existsSync(join(dist, '_astro/x.js'))).toBe(true);
  });
});
