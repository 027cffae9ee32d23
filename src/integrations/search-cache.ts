/**
 * What lets a rebuild skip search work: which built pages have a search body and a digest of each, the key
 * of an index, and copies of index folders (never hard links: dist and the cache must not share a file, or
 * writing into one would change the other).
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hasSearchBody, pageUrl, searchTime } from '../search/indexing.ts';

/** A built page with a search body: its URL, its file, a digest of its HTML and its search time. */
export interface Page {
  url: string;
  file: string;
  digest: string;
  /** Epoch seconds of pagefind's `time` sort key: which shard the page goes in (src/search/shards.ts). */
  time: number;
}

/** Files read at once. */
const BATCH = 64;

/**
 * Every page of `dist` that has a search body, in URL order, with a digest of its HTML. Every page is read:
 * Astro empties dist at the start of a build and copies reused pages back, so no file keeps its old time.
 */
export async function searchPages(dist: string): Promise<Page[]> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const pages: Page[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map(async (name): Promise<Page | undefined> => {
      const file = join(dist, name);
      const html = await readFile(file, 'utf8');
      if (!hasSearchBody(html)) return undefined;
      const url = pageUrl(name);
      const time = searchTime(html);
      // Without a time the page would silently fall into no shard's span: a page must say when it is from.
      if (time === undefined) throw new Error(`可搜索的页面没有时间（data-pagefind-sort="time:…"）：${url}`);
      return { url, file, digest: createHash('sha256').update(html).digest('hex'), time };
    });
    for (const page of await Promise.all(batch)) if (page) pages.push(page);
  }
  return pages;
}

/**
 * A digest of everything an index (one search shard) is made from: its pages as built and the code that
 * built them. Each shard has a key of its own, so a new page changes only the key of the shard it falls in.
 */
export function indexKey(pages: readonly Page[], code: string): string {
  const hash = createHash('sha256').update(code);
  for (const page of pages) hash.update(`\0${page.url}\0${page.digest}`);
  return hash.digest('hex');
}

/**
 * Replaces `to` with a copy of the folder `from`. Files are cloned where the file system can (a reflink
 * shares blocks until either side is written, never the file itself) and copied otherwise.
 */
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
      files.slice(i, i + BATCH).map((f) => copyFile(join(from, f), join(to, f), constants.COPYFILE_FICLONE)),
    );
  }
}
