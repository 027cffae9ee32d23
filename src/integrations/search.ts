/**
 * Builds the search shards once the site is written, with pagefind's Node API (as Starlight does), so that
 * `npm run build` alone produces them (docs/search.md):
 *
 * - /pagefind/<shard>/ for everyone: articles and minutes, nothing under /manage/;
 * - /manage/pagefind/<shard>/ for managers: reports only. The managers' search reads the staff shards and
 *   these, so a staff page is indexed once. It lives under /manage/, so the web server rule that guards
 *   /manage/ guards it as well.
 *
 * A shard is `current` (this Beijing month and later) or a Beijing year (src/search/shards.ts); each family's
 * shards are listed in its shards.json. Each shard is a pagefind bundle of its own and is built, or taken
 * from Astro's cache folder, on its own: a shard whose pages are byte for byte those of the last build, built
 * by the same code, is copied from the cache, so a new report rebuilds only the report shard it falls in. The
 * cached copy is checked file by file against the digests recorded when it was built, and copied (never
 * linked). Shards are indexed two at a time, each in a worker thread with a pagefind process of its own: on
 * two cores that beats one after another (docs/performance.md), and each process holds one shard only.
 *
 * Only pages that mark their content with `data-pagefind-body` are indexed. The build fails if pagefind
 * reports an error: a site with a broken search should not ship.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Temporal } from 'temporal-polyfill';
import { inStaffIndex } from '../search/indexing.ts';
import { groupByShard, MANIFEST_FILE } from '../search/shards.ts';
import { buildNow } from '../site/now.ts';
import { codeFingerprint } from '../build/fingerprint.ts';
import { copyTree, indexKey, pagesRecord, searchPages, type Page } from './search-cache.ts';
import { now, type MetricsRecorder } from './build-metrics.ts';
import { digestFiles, filesIn, mismatchMessage, readJson, verify, type Digests } from './digests.ts';
import {
  besides,
  installBundle,
  REPORT_SHARDS,
  STAFF_SHARDS,
  writeBundle,
  writeShardManifest,
  type ShardFamily,
} from './search-shard.ts';
import type { ShardDone, ShardJob } from './search-worker.ts';

export {
  buildShard,
  REPORT_SHARDS,
  STAFF_SHARDS,
  writeShardManifest,
  type ShardFamily,
} from './search-shard.ts';

/** Beside each cached shard folder: its key and the digests of its files. */
const MANIFEST = 'cache.json';

/**
 * Shards indexed at once, each in its own thread and pagefind process. `PORTAL_SEARCH_PARALLEL=1` indexes one
 * after another in the build's own thread: slower, but a little less memory (docs/performance.md).
 */
const PARALLEL = process.env.PORTAL_SEARCH_PARALLEL === '1' ? 1 : 2;

const WORKER = new URL('./search-worker.ts', import.meta.url);

/** One search shard of this build: its family, its id and its pages in URL order. */
export interface Shard {
  family: ShardFamily;
  id: string;
  pages: Page[];
}

/**
 * The shards that `pages` (every searchable page of a build, in URL order) make in a build made at `now`:
 * staff shards newest first, then report shards newest first. Empty shards are left out.
 */
export function shardsOf(pages: readonly Page[], now: Temporal.Instant): Shard[] {
  const families: [ShardFamily, Page[]][] = [
    [STAFF_SHARDS, pages.filter((p) => inStaffIndex(p.url))],
    [REPORT_SHARDS, pages.filter((p) => !inStaffIndex(p.url))],
  ];
  return families.flatMap(([family, indexed]) =>
    [...groupByShard(indexed, (p) => p.time, now)].map(([id, shardPages]) => ({
      family,
      id,
      pages: shardPages,
    })),
  );
}

/** Where a shard is served, e.g. /manage/pagefind/2025/. */
const sitePath = (shard: Shard) => `/${shard.family}/${shard.id}/`;

/** A shard's folder in the cache, e.g. manage-pagefind-2025. */
const cacheName = (shard: Shard) => `${shard.family.replaceAll('/', '-')}-${shard.id}`;

/** Runs `writeBundle` for up to `parallel` shards at once, each in a worker thread; in this thread for one. */
interface Indexer {
  index(pages: Page[], outputPath: string): Promise<void>;
  close(): Promise<void>;
}

function indexer(parallel: number): Indexer {
  if (parallel <= 1) {
    // One after another in this thread: pagefind's Node API has one process per module instance.
    let queue: Promise<unknown> = Promise.resolve();
    return {
      index: (pages, outputPath) => {
        const next = queue.then(() => writeBundle(pages, outputPath));
        queue = next.catch(() => {});
        return next;
      },
      close: async () => {},
    };
  }
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: ((worker: Worker) => void)[] = [];
  const acquire = async (): Promise<Worker> => {
    const worker = idle.pop();
    if (worker) return worker;
    if (all.length < parallel) {
      const started = new Worker(WORKER);
      all.push(started);
      return started;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: Worker) => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  return {
    index: async (pages, outputPath) => {
      const worker = await acquire();
      const done = await new Promise<ShardDone>((resolve, reject) => {
        const settle = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        const onMessage = (message: ShardDone) => (settle(), resolve(message));
        const onError = (error: Error) => (settle(), reject(error));
        // A thread that dies without a word (out of memory) must fail the build, not leave it waiting.
        const onExit = (code: number) => (
          settle(),
          reject(new Error(`搜索索引线程意外退出（退出码 ${code}）`))
        );
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        worker.postMessage({ pages, outputPath } satisfies ShardJob);
      });
      release(worker);
      if (done.error) throw new Error(done.error);
    },
    close: async () => {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
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
async function reusable(cached: string, key: string, logger: ShardBuild['logger']): Promise<boolean> {
  const recorded = cachedIndex(await readJson(join(cached, MANIFEST)));
  if (recorded?.key !== key) return false;
  const damaged = await verify(join(cached, 'index'), recorded.files);
  for (const m of damaged) logger.warn(mismatchMessage(join(cached, 'index', m.file), m, '重建该搜索索引'));
  return damaged.length === 0;
}

/** Builds one shard, or takes it from the cache when its pages have not changed since the last build. */
async function buildOrReuse(
  shard: Shard,
  dist: string,
  cacheDir: string,
  code: string,
  indexing: Indexer,
  logger: ShardBuild['logger'],
): Promise<boolean> {
  const started = performance.now();
  const outputPath = join(dist, shard.family, shard.id);
  const cached = join(cacheDir, 'portal-search', cacheName(shard));
  const key = indexKey(shard.pages, code);
  const reused = await reusable(cached, key, logger);
  const ready = besides(outputPath, reused ? 'cached' : 'new');
  await rm(ready, { recursive: true, force: true });
  try {
    if (reused) {
      await copyTree(join(cached, 'index'), ready);
    } else {
      await indexing.index(shard.pages, ready);
      // The digests are taken as pagefind wrote the files, and recorded only once the copy is complete.
      const files = await digestFiles(ready, await filesIn(ready));
      await rm(join(cached, MANIFEST), { force: true });
      await copyTree(ready, join(cached, 'index'));
      await writeFile(join(cached, MANIFEST), JSON.stringify({ key, files } satisfies CachedIndex));
    }
    await installBundle(ready, outputPath);
  } finally {
    await rm(ready, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  logger.info(
    `搜索分片 ${sitePath(shard)}：${shard.pages.length} 页，${reused ? '未变，沿用上次构建' : '已重建'}，用时 ${seconds} 秒`,
  );
  return reused;
}

/** Removes everything in `folder` but `keep`: shards of earlier builds and folders a killed run left. */
async function keepOnly(folder: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(folder).catch(() => []);
  await Promise.all(
    names.filter((n) => !keep.has(n)).map((n) => rm(join(folder, n), { recursive: true, force: true })),
  );
}

/** What indexShards needs: the built site, the cache, the code fingerprint and the build's "now". */
export interface ShardBuild {
  dist: string;
  cacheDir: string;
  /** codeFingerprint() of the project: part of every shard's cache key. */
  code: string;
  now: Temporal.Instant;
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>;
  /** Shards indexed at once; PARALLEL unless given. */
  parallel?: number;
}

/**
 * Builds or reuses every search shard of the site in `dist`, removes shards of earlier builds, writes both
 * manifests and prunes the cache. Returns the shards (staff then reports, newest first) and which were reused.
 */
export async function indexShards(build: ShardBuild): Promise<{ shard: Shard; reused: boolean }[]> {
  const { dist, cacheDir, code, now: at, logger } = build;
  const shards = shardsOf(await searchPages(dist, { record: pagesRecord(cacheDir, code) }), at);
  const indexing = indexer(build.parallel ?? PARALLEL);
  let done: Map<Shard, boolean>;
  try {
    // The largest shards are queued first, so that the threads finish close together.
    const bySize = [...shards].sort((a, b) => b.pages.length - a.pages.length);
    done = new Map(
      await Promise.all(
        bySize.map(async (s) => [s, await buildOrReuse(s, dist, cacheDir, code, indexing, logger)] as const),
      ),
    );
  } finally {
    await indexing.close();
  }
  for (const family of [STAFF_SHARDS, REPORT_SHARDS] as const) {
    const ids = shards.filter((s) => s.family === family).map((s) => s.id);
    await keepOnly(join(dist, family), new Set([...ids, MANIFEST_FILE]));
    await writeShardManifest(dist, family, at);
  }
  await keepOnly(join(cacheDir, 'portal-search'), new Set(shards.map(cacheName)));
  return shards.map((shard) => ({ shard, reused: done.get(shard)! }));
}

/** `metrics` receives the time of the search phase and, per shard, whether it was reused (build-metrics.ts). */
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
        // The code fingerprint covers this integration, the indexing code and, through the lockfile, pagefind.
        const code = codeFingerprint(fileURLToPath(root));
        const built = await indexShards({
          dist: fileURLToPath(dir),
          cacheDir,
          code,
          now: buildNow(),
          logger,
        });
        for (const { shard, reused } of built)
          metrics?.searchIndex({ index: sitePath(shard), pages: shard.pages.length, reused });
        metrics?.phase('searchIndex', { start, end: now() });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const summary = (family: ShardFamily) => {
          const of = built.filter(({ shard }) => shard.family === family);
          return `${of.reduce((n, { shard }) => n + shard.pages.length, 0)} 页（${of.length} 个分片）`;
        };
        logger.info(
          `搜索索引：员工 ${summary(STAFF_SHARDS)}，工作汇报 ${summary(REPORT_SHARDS)}，用时 ${seconds} 秒`,
        );
      },
    },
  };
}
