/**
 * Builds the two search indexes once the site is written, with pagefind's Node API (as Starlight does), so
 * that `npm run build` alone produces them:
 *
 * - /pagefind/ for everyone: articles and minutes, nothing under /manage/;
 * - /manage/pagefind/ for managers: everything, reports too. It lives under /manage/, so the web server rule
 *   that guards /manage/ guards it as well. (Merging the staff index into a reports-only one at search time
 *   would index fewer pages, but pagefind then orders merged results by score even when sorting by time.)
 *
 * The indexes are built one after the other, each in a fresh pagefind process, so that only one index is
 * ever held in memory. An index whose pages are byte for byte those of the last build, built by the same
 * code, is taken from Astro's cache folder instead: a new report leaves the staff index alone. The cached
 * copy is checked file by file against the digests recorded when it was built, and copied (never linked).
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed. The build fails if pagefind
 * reports an error: a site with a broken search should not ship.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex } from 'pagefind';
import { inStaffIndex, prepareForIndex } from '../search/indexing.ts';
import { codeFingerprint } from '../build/fingerprint.ts';
import { copyTree, indexKey, searchPages, type Page } from './search-cache.ts';
import { now, type MetricsRecorder } from './build-metrics.ts';
import { digestFiles, filesIn, mismatchMessage, readJson, verify, type Digests } from './digests.ts';

export const STAFF_INDEX = 'pagefind';
export const MANAGERS_INDEX = 'manage/pagefind';

/** Beside each cached index folder: its key and the digests of its files. */
const MANIFEST = 'cache.json';

/** pagefind also writes its own search UIs; the portal has its own and does not ship theirs. */
const UNUSED_FILES = ['ui', 'modular-ui', 'component-ui']
  .flatMap((ui) => [`pagefind-${ui}.js`, `pagefind-${ui}.css`])
  .concat('pagefind-highlight.js');

/** Pages read and prepared at once, while pagefind (a separate process) indexes the batch before. */
const BATCH = 32;

function check(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`搜索索引出错（${what}）：${errors.join('；')}`);
}

/** Indexes `pages` into `outputPath` in a pagefind process of its own, which is closed afterwards. */
async function buildIndex(pages: readonly Page[], outputPath: string): Promise<void> {
  try {
    // Every page is <html lang="zh-CN">; forcing the language keeps one index even if a page forgot it.
    const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
    check(errors, '创建索引');
    // Pagefind numbers pages in the order it receives them, and ties in ranking follow that number: pages
    // are sent strictly in URL order, never as their files happen to finish reading. The next batch is read
    // and prepared while pagefind works on the last one.
    let sent: Promise<{ errors: string[] }>[] = [];
    for (let i = 0; i < pages.length; i += BATCH) {
      const batch = await Promise.all(
        pages.slice(i, i + BATCH).map(async (page) => ({
          url: page.url,
          content: prepareForIndex(await readFile(page.file, 'utf8')),
        })),
      );
      const previous = sent;
      sent = batch.map((page) => index!.addHTMLFile(page));
      for (const result of await Promise.all(previous)) check(result.errors, outputPath);
    }
    for (const result of await Promise.all(sent)) check(result.errors, outputPath);
    check((await index!.writeFiles({ outputPath })).errors, outputPath);
  } finally {
    await close();
  }
  await Promise.all(UNUSED_FILES.map((f) => rm(join(outputPath, f), { force: true })));
}

/** What the cache holds for an index: the key it was built under and the digest of each of its files. */
interface CachedIndex {
  key: string;
  files: Digests;
}

function cachedIndex(json: unknown): CachedIndex | undefined {
  if (typeof json !== 'object' || json === null || !('key' in json) || !('files' in json)) return undefined;
  const { key, files } = json;
  if (typeof key !== 'string' || typeof files !== 'object' || files === null) return undefined;
  return { key, files: files as Digests };
}

/**
 * Whether the cached index was built under `key` and every one of its files is as it was written; each
 * damaged file is logged, and the index is then built again.
 */
async function reusable(cached: string, key: string, logger: AstroIntegrationLogger): Promise<boolean> {
  const recorded = cachedIndex(await readJson(join(cached, MANIFEST)));
  if (recorded?.key !== key) return false;
  const damaged = await verify(join(cached, 'index'), recorded.files);
  for (const m of damaged) logger.warn(mismatchMessage(join(cached, 'index', m.file), m, '重建该搜索索引'));
  return damaged.length === 0;
}

/** Builds one index, or takes it from the cache when its pages have not changed since the last build. */
async function buildOrReuse(
  name: string,
  pages: readonly Page[],
  dist: string,
  cacheDir: string,
  root: URL,
  logger: AstroIntegrationLogger,
): Promise<boolean> {
  const started = performance.now();
  const outputPath = join(dist, name);
  const cached = join(cacheDir, 'portal-search', name.replaceAll('/', '-'));
  // The code fingerprint covers this integration, the indexing code and, through the lockfile, pagefind.
  const key = indexKey(pages, codeFingerprint(fileURLToPath(root)));
  const reused = await reusable(cached, key, logger);
  if (reused) {
    // Astro empties dist at the start of every build, so the index is always put back.
    await copyTree(join(cached, 'index'), outputPath);
  } else {
    await rm(outputPath, { recursive: true, force: true });
    await buildIndex(pages, outputPath);
    // The digests are taken as pagefind wrote the files, and recorded only once the copy is complete.
    const files = await digestFiles(outputPath, await filesIn(outputPath));
    await rm(join(cached, MANIFEST), { force: true });
    await copyTree(outputPath, join(cached, 'index'));
    await writeFile(join(cached, MANIFEST), JSON.stringify({ key, files } satisfies CachedIndex));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `搜索索引 /${name}/：${pages.length} 页，${reused ? '未变，沿用上次构建' : '已重建'}，用时 ${seconds} 秒`,
  );
  return reused;
}

/** `metrics` receives the time of the search phase and which indexes were reused (build-metrics.ts). */
export default function searchIndexes(metrics?: MetricsRecorder): AstroIntegration {
  let cacheDir = '';
  let root: URL;
  return {
    name: 'portal-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const start = now();
        const dist = fileURLToPath(dir);
        const pages = await searchPages(dist);
        const staff = pages.filter((p) => inStaffIndex(p.url));
        for (const [name, indexed] of [
          [STAFF_INDEX, staff],
          [MANAGERS_INDEX, pages],
        ] as const) {
          const reused = await buildOrReuse(name, indexed, dist, cacheDir, root, logger);
          metrics?.searchIndex({ index: `/${name}/`, pages: indexed.length, reused });
        }
        metrics?.phase('searchIndex', { start, end: now() });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`搜索索引：员工 ${staff.length} 页，管理人员 ${pages.length} 页，用时 ${seconds} 秒`);
      },
    },
  };
}
