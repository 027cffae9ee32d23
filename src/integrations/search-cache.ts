/**
 * What lets a rebuild skip search work: which built pages have a search body and a digest of each (kept
 * between builds and trusted while a file's size and modification time are unchanged), the key of an index,
 * and cheap copies of index folders (hard links, as pagefind never rewrites a file it wrote).
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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

/** What the memo holds: the code that classified the pages, and each page's size, time and digest. */
interface Memo {
  code: string;
  files: Record<string, Known>;
}

async function readMemo(path: string, code: string): Promise<Record<string, Known>> {
  try {
    const memo = JSON.parse(await readFile(path, 'utf8')) as Memo;
    // Other code may have judged a page differently (hasSearchBody): its answers are not reused.
    return memo.code === code ? memo.files : {};
  } catch {
    // Missing, or cut short by an interrupted build: start afresh rather than fail.
    return {};
  }
}

/**
 * Every page of `dist` that has a search body, in URL order, using and then updating the digests in the
 * memo at `memoPath` that were made by the same `code`.
 */
export async function searchPages(dist: string, memoPath: string, code: string): Promise<Page[]> {
  const known = await readMemo(memoPath, code);
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
  await mkdir(dirname(memoPath), { recursive: true });
  // Written aside and renamed, so that an interrupted build never leaves half a memo.
  const partial = `${memoPath}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify({ code, files: next } satisfies Memo));
  await rename(partial, memoPath);
  return pages;
}

/** A digest of everything an index is made from: its pages as built and the code that built them. */
export function indexKey(pages: readonly Page[], code: string): string {
  const hash = createHash('sha256').update(code);
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
