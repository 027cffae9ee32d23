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
 *
 * The output folder is built in place (astro.config.mjs: vite.build.emptyOutDir false; dist-state.ts): a
 * page kept in dist from the last build is not read from the cache this time, so its cached copy is checked
 * when a later build needs it. The digests of this build's pages are then known without reading the pages
 * that were kept: only the pages written in this build are read.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { digestFiles, filesIn, mismatchMessage, readJson, verify, type Digests } from './digests.ts';
import { prepareOutDir, recordOutDir, sweepOutDir, type Prepared } from './dist-state.ts';

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

/**
 * Deletes every cached page that differs from its recorded digest, so that Astro renders it again. With
 * `outDir`, first prepares that folder for a build in place (dist-state.ts) and leaves the cached copies of
 * the pages kept there unread.
 */
export async function checkPageCache(
  cacheDir: string,
  logger: AstroIntegrationLogger,
  outDir?: string,
): Promise<{ damaged: number; prepared?: Prepared }> {
  const pages = join(cacheDir, PAGES);
  const manifest = join(cacheDir, MANIFEST);
  let expected = digestsIn(await readJson(manifest));
  // The digests describe the cache as the last finished build left it. They are dropped now and written
  // again when this build is done: a build that stops half way leaves pages without digests, never
  // digests that no longer match their pages.
  await rm(manifest, { force: true });
  if (!expected) {
    if ((await filesIn(pages)).length > 0) {
      logger.warn('页面缓存没有摘要记录（上次构建可能没有完成），本次不沿用缓存的页面，全部重新生成');
      await rm(pages, { recursive: true, force: true });
    }
    expected = {};
  }
  const prepared = outDir === undefined ? undefined : await prepareOutDir(cacheDir, outDir, expected);
  const damaged = await verify(pages, expected, new Set(Object.keys(prepared?.kept ?? {})));
  for (const m of damaged) {
    logger.warn(mismatchMessage(join(pages, m.file), m, '本次重新生成该页'));
    await rm(join(pages, m.file), { force: true });
  }
  return { damaged: damaged.length, prepared };
}

/**
 * Records the digest of every page copy in the cache: the same page's in `dist`, from `known` when given
 * (the digests of this build's pages), else read.
 */
export async function recordPageCache(
  cacheDir: string,
  dist: string,
  known?: Readonly<Digests>,
): Promise<void> {
  const files = await filesIn(join(cacheDir, PAGES));
  const digests: Digests = known
    ? Object.fromEntries(files.filter((f) => known[f] !== undefined).map((f) => [f, known[f]!]))
    : await digestFiles(dist, files);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(join(cacheDir, MANIFEST), JSON.stringify({ pages: digests }));
}

/** This build's page files, relative to the output folder, from what Astro tells `astro:build:done`. */
function pagesOf(dir: URL, assets: Map<string, URL[]>, outDir: string): Set<string> {
  const dist = fileURLToPath(dir).replace(/\/$/, '');
  if (dist !== outDir) throw new Error(`构建输出目录不一致：${dist}，应为 ${outDir}`);
  return new Set(
    [...assets.values()].flat().map((url) => relative(dist, fileURLToPath(url)).split(sep).join('/')),
  );
}

/**
 * Two integrations: `check` must come before every other integration (nothing may touch dist or the cache
 * before the check, and stale files must be gone before the search indexes dist), `record` after every
 * integration that writes into dist (search, cms, media), so that the record holds what they wrote.
 */
export default function pageCache(): { check: AstroIntegration; record: AstroIntegration } {
  let cacheDir = '';
  let outDir = '';
  let prepared: Prepared | undefined;
  return {
    check: {
      name: 'portal-page-cache',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = fileURLToPath(config.cacheDir);
          outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
        },
        'astro:build:start': async ({ logger }) => {
          const result = await checkPageCache(cacheDir, logger, outDir);
          prepared = result.prepared;
          if (prepared && prepared.removed > 0)
            logger.info(
              `输出目录中有 ${prepared.removed} 个文件不能原样沿用（改过、没有记录或缓存里已有新版本），已先删除`,
            );
        },
        'astro:build:done': async ({ dir, assets, logger }) => {
          const stale = await sweepOutDir(outDir, pagesOf(dir, assets, outDir), prepared!);
          if (stale.length > 0) logger.info(`删除了输出目录中本次构建没有生成的 ${stale.length} 个旧文件`);
        },
      },
    },
    record: {
      name: 'portal-page-cache-record',
      hooks: {
        'astro:build:done': async ({ dir, assets }) => {
          const digests = await recordOutDir(cacheDir, outDir, pagesOf(dir, assets, outDir), prepared!);
          await recordPageCache(cacheDir, outDir, digests);
        },
      },
    },
  };
}
