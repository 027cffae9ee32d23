/**
 * Building in place: what a build left in its output folder, so that the next build into the same folder can
 * keep the files that are still right instead of emptying the folder and copying every page back.
 *
 * Astro 7.3.5 empties `outDir` unless `vite.build.emptyOutDir` is false; with it false, a page whose cacheKey
 * is unchanged and whose file already exists in dist is left alone (generatePathWithPrerenderer in
 * node_modules/astro/dist/core/build/generate.js: `existsInDist`). That is only right if the file in dist is
 * the last build's page. So each build records, per output folder, the size, modification time and inode of
 * every file it left there and the digest of every page; the next build into that folder keeps a file only
 * when it is untouched since (same size, time and inode) and, for a page, when its digest is that of the
 * page's cached copy from the last build (which Astro would otherwise restore). Anything else is deleted
 * first, so Astro renders or restores it. A folder without a record (new, or its last build did not finish)
 * is emptied, as Astro would have done.
 *
 * Once Astro has written the pages, every file that this build neither wrote nor kept as one of its pages is
 * stale (a deleted entry's page, an old script chunk, the last build's search index) and is deleted, before
 * the integrations that write into dist run: the search indexes what is in dist, so a withdrawn entry's
 * page must be gone by then. Those integrations (search, cms, media) write their files afresh each build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { digestFiles, readJson, type Digests } from './digests.ts';

/** size, mtimeMs, inode: a file unchanged since it was recorded keeps all three. */
export type Stamp = [number, number, number];

/** What a build left in a folder: each file's stamp and, for pages, its digest. */
export interface DistState {
  outDir: string;
  files: Record<string, { stamp: Stamp; digest?: string }>;
}

const STATES = 'portal-dist';

/** Where the record of `outDir` is kept below the cache folder: one per output folder. */
export function stateFile(cacheDir: string, outDir: string): string {
  return join(cacheDir, STATES, `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
}

function isState(json: unknown, outDir: string): json is DistState {
  return (
    typeof json === 'object' &&
    json !== null &&
    'outDir' in json &&
    json.outDir === outDir &&
    'files' in json &&
    typeof json.files === 'object' &&
    json.files !== null
  );
}

/** Every file below `dir` with its stamp; none when `dir` does not exist. */
export async function stamps(dir: string): Promise<Map<string, Stamp>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  const out = new Map<string, Stamp>();
  await Promise.all(
    files.map(async (file) => {
      const s = await stat(join(dir, file)).catch(() => undefined);
      if (s) out.set(file, [s.size, s.mtimeMs, s.ino]);
    }),
  );
  return out;
}

const same = (a: Stamp | undefined, b: Stamp | undefined) =>
  !!a && !!b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** Deletes the empty folders below `dir` (not `dir` itself), deepest first. */
async function removeEmptyDirs(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => b.length - a.length);
  for (const d of dirs) await rmdir(d).catch(() => undefined);
}

export interface Prepared {
  /** The pages kept in place: their digests, as recorded when they were written. */
  kept: Digests;
  /** Every file left in the folder, as the build found it after the check. */
  before: Map<string, Stamp>;
  /** How many files were deleted because they could not be trusted. */
  removed: number;
}

/**
 * Before a build into `outDir`: keeps the files its last build left untouched, and among pages only those
 * equal to their cached copy of the last build (`cached`: page → digest); deletes everything else.
 */
export async function prepareOutDir(
  cacheDir: string,
  outDir: string,
  cached: Readonly<Digests>,
): Promise<Prepared> {
  const file = stateFile(cacheDir, outDir);
  const json = await readJson(file);
  // Dropped now and written when this build is done: a build that stops half way leaves no record, and the
  // next build into this folder starts from an empty one.
  await rm(file, { force: true });
  const state = isState(json, outDir) ? json : undefined;
  const found = await stamps(outDir);
  const kept: Digests = {};
  const before = new Map<string, Stamp>();
  let removed = 0;
  for (const [path, stamp] of found) {
    const recorded = state?.files[path];
    const page = cached[path];
    const trusted =
      recorded !== undefined &&
      same(recorded.stamp, stamp) &&
      (page === undefined ? recorded.digest === undefined : recorded.digest === page);
    if (trusted) {
      before.set(path, stamp);
      if (page !== undefined) kept[path] = page;
    } else {
      await rm(join(outDir, path), { force: true });
      removed++;
    }
  }
  return { kept, before, removed };
}

/**
 * Once Astro has written its pages and before any integration writes into `outDir` (search indexes the
 * pages it finds there): deletes every file that this build neither wrote nor named as one of its pages
 * (`pages`, relative paths). What the integrations write later they write afresh.
 */
export async function sweepOutDir(
  outDir: string,
  pages: ReadonlySet<string>,
  prepared: Prepared,
): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, stamp] of await stamps(outDir))
    if (same(prepared.before.get(path), stamp) && !pages.has(path)) stale.push(path);
  await Promise.all(stale.map((path) => rm(join(outDir, path), { force: true })));
  if (stale.length > 0) await removeEmptyDirs(outDir);
  return stale.sort();
}

/**
 * After the build and every integration: records the folder for the next build into it, and returns the
 * digests of its pages (read only for the pages written in this build).
 */
export async function recordOutDir(
  cacheDir: string,
  outDir: string,
  pages: ReadonlySet<string>,
  prepared: Prepared,
): Promise<Digests> {
  const now = await stamps(outDir);
  const written: string[] = [];
  const digests: Digests = {};
  for (const [path, stamp] of now) {
    if (!pages.has(path)) continue;
    const known = same(prepared.before.get(path), stamp) ? prepared.kept[path] : undefined;
    if (known) digests[path] = known;
    else written.push(path);
  }
  Object.assign(digests, await digestFiles(outDir, written));
  const state: DistState = { outDir, files: {} };
  for (const [path, stamp] of now)
    state.files[path] = digests[path] === undefined ? { stamp } : { stamp, digest: digests[path] };
  const file = stateFile(cacheDir, outDir);
  await mkdir(join(cacheDir, STATES), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
  return digests;
}
