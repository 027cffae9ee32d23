/**
 * Checks Astro's incremental page cache before a build may reuse it.
 *
 * Astro 7.3.5 keeps a copy of every page with a cacheKey in `<cacheDir>/dist/` and, when the key and the
 * page's code are unchanged, copies that file into dist unread (IncrementalBuildCache.restoreOutputFile in
 * node_modules/astro/dist/core/build/incremental.js). It offers no hook to veto a single reuse, but when the
 * copy is missing it falls through and renders the page, then stores a fresh copy (generatePathWithPrerenderer
 * in generate.js). So the smallest honest check needs no re-rendering of our own: in `astro:build:start`,
 * before any page is generated, every cached copy is compared with the digest recorded when it was produced;
 * a copy that differs (or has no digest) is logged and deleted, and Astro renders that page again. In
 * `astro:build:done` the digests of this build's pages are recorded, read from dist, which holds exactly the
 * bytes Astro wrote to the cache (or copied from it after the check).
 *
 * Astro copies with copyFile, so dist never shares a file with the cache.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { digestFiles, filesIn, mismatchMessage, readJson, verify, type Digests } from './digests.ts';

/** Where Astro 7.3.5 keeps its page copies, below the cache folder (INCREMENTAL_OUTPUT_DIR). */
const PAGES = 'dist';
/** The digests of those copies, written by this integration. */
const MANIFEST = 'portal-page-digests.json';

function digestsIn(json: unknown): Digests | undefined {
  if (typeof json !== 'object' || json === null || !('pages' in json)) return undefined;
  const pages = json.pages;
  if (typeof pages !== 'object' || pages === null) return undefined;
  return Object.values(pages).every((d) => typeof d === 'string') ? (pages as Digests) : undefined;
}

/** Deletes every cached page that differs from its recorded digest, so that Astro renders it again. */
export async function checkPageCache(cacheDir: string, logger: AstroIntegrationLogger): Promise<number> {
  const pages = join(cacheDir, PAGES);
  const manifest = join(cacheDir, MANIFEST);
  const expected = digestsIn(await readJson(manifest));
  // The digests describe the cache as the last finished build left it. They are dropped now and written
  // again when this build is done: a build that stops half way leaves pages without digests, never
  // digests that no longer match their pages.
  await rm(manifest, { force: true });
  if (!expected) {
    if ((await filesIn(pages)).length > 0) {
      logger.warn('页面缓存没有摘要记录（上次构建可能没有完成），本次不沿用缓存的页面，全部重新生成');
      await rm(pages, { recursive: true, force: true });
    }
    return 0;
  }
  const damaged = await verify(pages, expected);
  for (const m of damaged) {
    logger.warn(mismatchMessage(join(pages, m.file), m, '本次重新生成该页'));
    await rm(join(pages, m.file), { force: true });
  }
  return damaged.length;
}

/** Records the digest of every page copy in the cache, read from the same page in `dist`. */
export async function recordPageCache(cacheDir: string, dist: string): Promise<void> {
  const digests = await digestFiles(dist, await filesIn(join(cacheDir, PAGES)));
  await mkdir(cacheDir, { recursive: true });
  await writeFile(join(cacheDir, MANIFEST), JSON.stringify({ pages: digests }));
}

export default function pageCache(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'portal-page-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        await checkPageCache(cacheDir, logger);
      },
      'astro:build:done': async ({ dir }) => {
        await recordPageCache(cacheDir, fileURLToPath(dir));
      },
    },
  };
}
