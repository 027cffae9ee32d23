import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../../test/support/tree.ts';
import { checkPageCache, recordPageCache } from './page-cache.ts';

/** A logger that keeps its warnings. */
function logger(): AstroIntegrationLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (m: string) => warnings.push(m) } as unknown as AstroIntegrationLogger & {
    warnings: string[];
  };
}

const PAGES = { 'a/index.html': '<p>a</p>', 'b/index.html': '<p>b</p>' };

/** A cache folder holding two page copies and their digests, as a finished build leaves it. */
async function finishedBuild(): Promise<string> {
  const cache = writeTree(Object.fromEntries(Object.entries(PAGES).map(([f, t]) => [`dist/${f}`, t])));
  await recordPageCache(cache, writeTree(PAGES));
  return cache;
}

describe('the page cache check', () => {
  it('keeps pages that match their digests, and logs nothing', async () => {
    const cache = await finishedBuild();
    const log = logger();
    expect((await checkPageCache(cache, log)).damaged).toBe(0);
    expect(log.warnings).toEqual([]);
    expect(readFileSync(join(cache, 'dist/a/index.html'), 'utf8')).toBe('<p>a</p>');
  });

  it('deletes an edited page and names it with both digests in Chinese', async () => {
    const cache = await finishedBuild();
    writeFileSync(join(cache, 'dist/b/index.html'), '<p>篡改</p>');
    const log = logger();
    expect((await checkPageCache(cache, log)).damaged).toBe(1);
    expect(existsSync(join(cache, 'dist/b/index.html'))).toBe(false);
    expect(existsSync(join(cache, 'dist/a/index.html'))).toBe(true);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toMatch(
      /缓存文件与记录的摘要不符：.*b\/index\.html，应为 sha256 [0-9a-f]{64}，实为 sha256 [0-9a-f]{64}；本次重新生成该页/,
    );
  });

  it('deletes a page that has no digest', async () => {
    const cache = await finishedBuild();
    writeFileSync(join(cache, 'dist/c.html'), 'x');
    const log = logger();
    expect((await checkPageCache(cache, log)).damaged).toBe(1);
    expect(existsSync(join(cache, 'dist/c.html'))).toBe(false);
    expect(log.warnings[0]).toContain('（没有记录）');
  });

  it('reuses nothing when the digests are missing, as after a build that stopped half way', async () => {
    const cache = await finishedBuild();
    await checkPageCache(cache, logger());
    // The check consumed the digests; no build recorded new ones.
    const log = logger();
    await checkPageCache(cache, log);
    expect(existsSync(join(cache, 'dist'))).toBe(false);
    expect(log.warnings[0]).toContain('没有摘要记录');
  });
});
