/**
 * The fast-path step of `npm run bench`, in a process of its own so that its time, memory and CPU are measured
 * apart from the bench's:
 *   node tools/bench/fastpath-step.ts --site DIST --content CONTENT --cache CACHE
 * Starts the fast path of src/fastpath/ (issue 14) on a site the full build made (warm-up timed apart), adds one
 * article as `main` moving would, hands it to `update`, and times until the article's page file exists and a
 * search of its shard in Node (the site's own pagefind) finds it. Prints one JSON line (FastPathStep).
 * The environment (PORTAL_NOW, PORTAL_CONTENT_DIR …) is the build's, passed on by the bench.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { startFastPath } from '../../src/fastpath/index.ts';
import { runSearch } from '../../src/search/engine.ts';
import { loadNodePagefind } from '../../src/search/node-pagefind.ts';
import { parseQuery } from '../../src/search/query.ts';
import type { UpdateResult } from '../../src/fastpath/worker-options.ts';
import { addSubmission, BENCH_TITLE } from './submission.ts';

export interface FastPathStep {
  warmUpMs: number;
  /** From the article's file being written to `update` resolving. */
  updateMs: number;
  /** From the article's file being written to its page being on disk; `null` if it never was. */
  pageMs: number | null;
  /** From the article's file being written to its page being on disk and found by search; `null` if never. */
  visibleMs: number | null;
  visible: boolean;
  /** Why it is not visible, when it is not. */
  missing?: string;
  page: string;
  /** What the fast path reported writing. */
  pages: string[];
  shards: string[];
  /** Milliseconds the update spent reading the content, as the fast path measured it. */
  load?: number;
  /** Where the rest of the update's time went, stage by stage, as the fast path measured it. */
  stages?: UpdateResult['stages'];
  /** The indexes searched for the page, site paths. */
  searched: string[];
}

/** How long after `update` the page may still appear. */
const GIVE_UP_MS = 60_000;

/** The staff index among the shards the fast path rebuilt (site paths such as `pagefind/current`). */
function staffIndexOf(site: string, shard: string): string | undefined {
  const folder = shard.replace(/^\/|\/$/g, '');
  return folder.startsWith('pagefind/') && existsSync(join(site, folder, 'pagefind.js')) ? folder : undefined;
}

/** Whether a search for the bench article's title in `index` finds `page`. */
async function found(site: string, index: string, page: string): Promise<boolean> {
  const { pagefind } = await loadNodePagefind(site, index);
  const ranked = await runSearch(pagefind, {
    query: parseQuery(BENCH_TITLE.slice(0, 6)),
    filters: {},
    sort: 'newest',
    exactOnly: true,
  });
  const urls = await Promise.all(ranked.hits.map(async (h) => (await h.data()).url));
  return urls.includes(page);
}

const since = (start: number) => Math.round(performance.now() - start);

const { values } = parseArgs({
  options: { site: { type: 'string' }, content: { type: 'string' }, cache: { type: 'string' } },
});
const site = resolve(values.site!);
const content = resolve(values.content!);
const cache = resolve(values.cache!);
const warming = performance.now();
const fastPath = await startFastPath({
  root: process.cwd(),
  siteDir: () => site,
  contentDir: content,
  cacheDir: cache,
});
const warmUpMs = since(warming);

// The build's "now" (PORTAL_NOW), so that the pages and their shard are the ones the full build makes.
const now = process.env.PORTAL_NOW ? Temporal.Instant.from(process.env.PORTAL_NOW) : undefined;
const moved = performance.now();
const added = addSubmission(content, 'articles');
let result: UpdateResult | undefined;
let failure: Error | undefined;
let updateMs = 0;
// Watched while the update runs as well as after it: the fast path writes and indexes the entry's own page
// before the lists and compliance pages (src/fastpath/worker.ts), and that is when the submitter sees it.
const updating = fastPath.update([added.file], now).then(
  (r) => {
    result = r;
    updateMs = since(moved);
  },
  (error: Error) => (failure = error),
);

const page = `/articles/${added.id}/`;
const sharded = existsSync(join(site, 'pagefind/shards.json'));
/**
 * Where to search: the shards the fast path says it rebuilt, once it has said; before that the current month's
 * (where a new submission goes: src/search/shards.ts); an unsharded site has the one staff index.
 */
const indexes = () =>
  !sharded
    ? ['pagefind']
    : result
      ? result.shards.flatMap((s) => staffIndexOf(site, s) ?? [])
      : [staffIndexOf(site, 'pagefind/current') ?? []].flat();
const file = join(site, page, 'index.html');
// The page must be the article (its title), not some older file under that name.
const onDisk = () => existsSync(file) && readFileSync(file, 'utf8').includes(BENCH_TITLE);
const pause = () => new Promise((r) => setTimeout(r, 100));
let pageMs: number | null = null;
let visibleMs: number | null = null;
let missing: string | undefined;
let deadline = Infinity;
for (;;) {
  const done = result !== undefined || failure !== undefined;
  // Looked for at least once after `update`, however long that took; then for a while in case it lags.
  if (done && deadline === Infinity) deadline = performance.now() + GIVE_UP_MS;
  if (pageMs === null && onDisk()) pageMs = since(moved);
  if (pageMs !== null)
    for (const index of indexes()) if (await found(site, index, page)) visibleMs ??= since(moved);
  if (visibleMs !== null) break;
  if (failure) {
    missing = `快速通道出错：${failure.message.split('\n')[0]}`;
    break;
  }
  if (pageMs !== null && result?.shards.length === 0) {
    missing = '快速通道没有重建任何搜索分片，新文章在搜索中还找不到';
    break;
  }
  if (performance.now() > deadline) {
    missing =
      pageMs === null
        ? '新文章页始终没有写出'
        : `搜索 ${
            indexes()
              .map((i) => `/${i}/`)
              .join('、') || '（无分片）'
          } 始终找不到新文章`;
    break;
  }
  await pause();
}
// The whole update (every page it writes) is reported too, after the entry's page.
await updating;
await fastPath.close();

const step: FastPathStep = {
  warmUpMs,
  updateMs,
  pageMs,
  visibleMs,
  visible: visibleMs !== null,
  ...(missing ? { missing } : {}),
  page,
  pages: result?.pages ?? [],
  shards: result?.shards ?? [],
  ...(result ? { load: result.load, stages: result.stages } : {}),
  searched: indexes().map((i) => `/${i}/`),
};
console.log(JSON.stringify(step));
