/**
 * What lets a rebuild skip search work: which built pages have a search body and a digest of each (kept
 * between builds and trusted while a file's size and modification time are unchanged), the key of an index,
 * and cheap copies of index folders (hard links, as pagefind never rewrites a file it wrote).
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hasSearchBody, pageUrl } from '../search/indexing.ts';

/** A built page with a search body: its URL, its file and a digest of its HTML. */
export interface Page {
  url: string;
  file: string;
  digest: string;
}

interface Known {
  size: number;
  mtimeMs: number;
  /** Undefined for a page without a search body. */
  digest?: string;
}

/** Files read at once. */
const BATCH = 64;

/** Every page of `dist` that has a search body, in URL order, using and then updating the digests in `memo`. */
export async function searchPages(dist: string, memo: string): Promise<Page[]> {
  const known: Record<string, Known> = JSON.parse(await readFile(memo, 'utf8').catch(() => '{}'));
  const next: Record<string, Known> = {};
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const pages: Page[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map(async (name) => {
      const file = join(dist, name);
      const { size, mtimeMs } = await stat(file);
      const before = known[name];
      if (before && before.size === size && before.mtimeMs === mtimeMs) return { name, file, entry: before };
      const html = await readFile(file, 'utf8');
      const digest = hasSearchBody(html) ? createHash('sha256').update(html).digest('hex') : undefined;
      return { name, file, entry: { size, mtimeMs, digest } };
    });
    for (const { name, file, entry } of await Promise.all(batch)) {
      next[name] = entry;
      if (entry.digest) pages.push({ url: pageUrl(name), file, digest: entry.digest });
    }
  }
  await mkdir(dirname(memo), { recursive: true });
  await writeFile(memo, JSON.stringify(next));
  return pages;
}

/** A digest of everything an index is made from: its pages as built and the given code and versions. */
export async function indexKey(pages: readonly Page[], sources: readonly URL[]): Promise<string> {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(await readFile(source));
  for (const page of pages) hash.update(`\0${page.url}\0${page.digest}`);
  return hash.digest('hex');
}

/** Replaces `to` with a copy of the folder `from`, hard-linking files where the file system allows. */
export async function copyTree(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const dirs = new Set([
    to,
    ...entries.filter((e) => e.isDirectory()).map((e) => join(to, e.parentPath.slice(from.length), e.name)),
  ]);
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath.slice(from.length), e.name));
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(
      files
        .slice(i, i + BATCH)
        .map((f) => link(join(from, f), join(to, f)).catch(() => copyFile(join(from, f), join(to, f)))),
    );
  }
}

/** Whether two files exist and hold the same bytes. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a).catch(() => undefined), readFile(b).catch(() => undefined)]);
  return x !== undefined && y !== undefined && x.equals(y);
}
