/**
 * The fast path as `npm start` runs it (found trying the product): the served site is a build with the CMS on
 * (PORTAL_CMS_BACKEND=gate), and after a publish the fast path must leave it as the full build then leaves
 * it. Two ways it did not: it rendered /admin/ with its own environment, without the build's CMS variables,
 * so the admin page said "本站点构建时没有配置投稿后台" until the full build (for good if that build failed);
 * and the compliance pages of the new entry's month and region kept their old counts, because the views they
 * are keyed by were computed once per process rather than once per build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CMS_ENV } from '../src/cms/backend.ts';
import { startFastPath, type FastPath } from '../src/fastpath/index.ts';
import { loadContent } from '../src/load/load.ts';
import { build, BUILD_NOW, filesBelow, type Build } from './support/build.ts';

const NOW = Temporal.Instant.from(BUILD_NOW);
const folders: string[] = [];
let content: string;
let env: Record<string, string>;
let served: Build;
let fastPath: FastPath | undefined;

function ok(result: Build): Build {
  folders.push(result.outDir);
  expect(result.status, result.output).toBe(0);
  return result;
}

beforeAll(() => {
  content = mkdtempSync(join(tmpdir(), 'portal-fastpath-served-'));
  folders.push(content);
  cpSync('content', content, { recursive: true });
  const cacheDir = mkdtempSync(join(tmpdir(), 'portal-fastpath-served-cache-'));
  folders.push(cacheDir);
  // What npm start gives its builds (scripts/start.ts).
  env = { PORTAL_CACHE_DIR: cacheDir, [CMS_ENV.backend]: 'gate', [CMS_ENV.branch]: 'main' };
  served = ok(build(content, env));
});

afterAll(async () => {
  await fastPath?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the fast path on a site built with the CMS', () => {
  it('leaves every page as the full build then writes it, /admin/ and compliance included', async () => {
    fastPath = await startFastPath({
      root: process.cwd(),
      siteDir: () => served.outDir,
      contentDir: content,
      cacheDir: env.PORTAL_CACHE_DIR!,
      env,
    });
    const newest = loadContent(content).content.articles.at(-1)!;
    const file = join(dirname(resolve(newest.file)), `${newest.id}-served.md`);
    // Another article of the same person's, saved just before "now": it counts in the month's compliance.
    writeFileSync(
      file,
      readFileSync(resolve(newest.file), 'utf8')
        .replace(/^title: .*$/m, 'title: 快速发布后合规统计也应更新')
        .replace(
          /^submitted: .*$/m,
          `submitted: '${NOW.subtract({ hours: 1 }).toZonedDateTimeISO('Asia/Shanghai').toString({ timeZoneName: 'never' })}'`,
        ),
    );
    const update = await fastPath.update([file], NOW);
    expect(update.pages).toContain('/admin/config.yml');

    const full = ok(build(content, env));
    // Search indexes are written differently by the two (test/fastpath.test.ts checks what they find).
    const pages = filesBelow(full.outDir).filter((f) => /\.(html|yml)$/.test(f) && !f.includes('pagefind/'));
    const differing = pages.filter(
      (f) => !readFileSync(join(served.outDir, f)).equals(readFileSync(join(full.outDir, f))),
    );
    expect(differing).toEqual([]);
  });
});
