/**
 * One search shard as a pagefind bundle, and the manifest that lists a family's shards. Used by the build
 * (search.ts, also from a worker thread: search-worker.ts) and by the fast path, which rebuilds the shard a
 * new page falls in while the site is being served. So nothing here ever leaves a served file half written:
 * a bundle is written beside its folder and moved in file by file, its entry file last; the manifest is
 * written beside and renamed over.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { Temporal } from 'temporal-polyfill';
import { close, createIndex } from 'pagefind';
import { prepareForIndex } from '../search/indexing.ts';
import { isShardId, MANIFEST_FILE, shardManifest, type ShardManifest } from '../search/shards.ts';
import { filesIn, readJson } from './digests.ts';
import type { Page } from './search-cache.ts';

/** The folders of the two shard families below dist: staff shards, and the managers' report shards. */
export const STAFF_SHARDS = 'pagefind';
export const REPORT_SHARDS = 'manage/pagefind';
export type ShardFamily = typeof STAFF_SHARDS | typeof REPORT_SHARDS;

/** The file a pagefind bundle is opened by; moved in last, so a reader never meets files it names missing. */
const ENTRY = 'pagefind-entry.json';

/** pagefind also writes its own search UIs; the portal has its own and does not ship theirs. */
const UNUSED_FILES = ['ui', 'modular-ui', 'component-ui']
  .flatMap((ui) => [`pagefind-${ui}.js`, `pagefind-${ui}.css`])
  .concat('pagefind-highlight.js');

/** Pages read and prepared at once, while pagefind (a separate process) indexes the batch before. */
const BATCH = 32;

/** Files moved at once. */
const MOVES = 64;

function check(errors: readonly string[], what: string): void {
  if (errors.length > 0) throw new Error(`搜索索引出错（${what}）：${errors.join('；')}`);
}

/**
 * A folder beside `path` (same file system, so its files can be renamed into `path`), unique to this process
 * and thread. Its name starts with a dot and is no shard id, so the build clears any a killed run left.
 */
export function besides(path: string, what: string): string {
  return join(dirname(path), `.${basename(path)}.${what}-${process.pid}-${threadId}`);
}

/**
 * Indexes `pages` into the new folder `outputPath` in a pagefind process of its own, closed afterwards.
 * Pagefind numbers pages in the order it receives them, and ties in ranking follow that number: pages are
 * sent strictly in the given (URL) order, never as their files happen to finish reading.
 */
export async function writeBundle(pages: readonly Page[], outputPath: string): Promise<void> {
  try {
    // Every page is <html lang="zh-CN">; forcing the language keeps one index even if a page forgot it.
    const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
    check(errors, '创建索引');
    // The next batch is read and prepared while pagefind works on the last one.
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

/**
 * Moves the bundle in `from` into `to`, replacing what is there, and removes `from`. Each file is renamed
 * into place (the entry file last) and then the old bundle's files that the new one lacks are removed:
 * every file is at every moment either the old or the new complete version. Pagefind names its index,
 * fragment and filter files by their content, so a name present in both holds the same bytes.
 */
export async function installBundle(from: string, to: string): Promise<void> {
  const files = await filesIn(from);
  const order = [...files.filter((f) => f !== ENTRY), ...files.filter((f) => f === ENTRY)];
  for (const dir of new Set(order.map((f) => dirname(join(to, f))))) await mkdir(dir, { recursive: true });
  const last = order.length - (files.includes(ENTRY) ? 1 : 0);
  for (let i = 0; i < last; i += MOVES) {
    await Promise.all(
      order.slice(i, Math.min(i + MOVES, last)).map((f) => rename(join(from, f), join(to, f))),
    );
  }
  if (last < order.length) await rename(join(from, ENTRY), join(to, ENTRY));
  const kept = new Set(files);
  const stale = (await filesIn(to)).filter((f) => !kept.has(f));
  await Promise.all(stale.map((f) => rm(join(to, f), { force: true })));
  await rm(from, { recursive: true, force: true });
}

/**
 * Indexes `pages` (in URL order) as the shard bundle at `outputPath`, e.g. dist/pagefind/current: written
 * beside it, then moved in (installBundle). For the fast path; the build also reuses cached shards.
 */
export async function buildShard(pages: Page[], outputPath: string): Promise<void> {
  const built = besides(outputPath, 'new');
  await rm(built, { recursive: true, force: true });
  try {
    await writeBundle(pages, built);
    await installBundle(built, outputPath);
  } finally {
    await rm(built, { recursive: true, force: true });
  }
}

/** The pages a pagefind bundle holds, from its entry file; undefined when it has none to read. */
async function bundlePages(folder: string): Promise<number | undefined> {
  const entry = await readJson(join(folder, ENTRY));
  if (typeof entry !== 'object' || entry === null || !('languages' in entry)) return undefined;
  const languages = entry.languages;
  if (typeof languages !== 'object' || languages === null) return undefined;
  let pages = 0;
  for (const language of Object.values(languages) as unknown[]) {
    const count = (language as { page_count?: unknown } | null)?.page_count;
    if (typeof count !== 'number') return undefined;
    pages += count;
  }
  return pages;
}

/**
 * Rewrites `family`'s shards.json in `dist` from the shard bundles that are there, atomically (written beside,
 * then renamed over). Shard spans follow `now`, the build's "now" (src/site/now.ts). Returns what it wrote.
 */
export async function writeShardManifest(
  dist: string,
  family: ShardFamily,
  now: Temporal.Instant,
): Promise<ShardManifest> {
  const folder = join(dist, family);
  const ids = (await readdir(folder, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && isShardId(e.name))
    .map((e) => e.name);
  const counts: [string, number][] = [];
  for (const id of ids) {
    const pages = await bundlePages(join(folder, id));
    if (pages !== undefined) counts.push([id, pages]);
  }
  const manifest = shardManifest(`/${family}/`, counts, now);
  const file = join(folder, MANIFEST_FILE);
  const temporary = besides(file, 'new');
  await mkdir(folder, { recursive: true });
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, file);
  return manifest;
}
