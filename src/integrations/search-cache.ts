/**
 * What lets a rebuild skip search work: which built pages have a search body and a digest of each, the key
 * of an index, and copies of index folders (never hard links: dist and the cache must not share a file, or
 * writing into one would change the other).
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileStamp } from '../build/file-stamp.ts';
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

/** What a page file held when it was last read: its search record, or null when it has no search body. */
type Seen = { stamp: string; page: Omit<Page, 'file'> | null };

const RECORD_FORMAT = 'portal-search-pages 2';

/** A page file's stamp (src/build/file-stamp.ts); undefined when it must be read. */
async function stampOf(file: string): Promise<string | undefined> {
  return fileStamp(await lstat(file).catch(() => undefined));
}

/**
 * The record of `dist` in `file`; empty when there is none, or it is for another folder or other code (which
 * may find another time or URL in the same page), damaged or unreadable.
 */
async function readRecord(file: string, dist: string, code: string): Promise<Map<string, Seen>> {
  try {
    const record: unknown = deserialize(await readFile(file));
    if (
      typeof record === 'object' &&
      record !== null &&
      'format' in record &&
      record.format === RECORD_FORMAT &&
      'dist' in record &&
      record.dist === dist &&
      'code' in record &&
      record.code === code &&
      'pages' in record &&
      record.pages instanceof Map
    )
      return record.pages as Map<string, Seen>;
  } catch {
    // Missing or damaged: every page is read.
  }
  return new Map();
}

/** Where searchPages keeps what it read of each page, and the code that read it. */
export interface PagesRecord {
  /** A folder of the cache: one record file per site folder. */
  dir: string;
  /** codeFingerprint() of the project: a record made by other code is not used. */
  code: string;
}

/** The record of the cache `cacheDir` for `code`. */
export function pagesRecord(cacheDir: string, code: string): PagesRecord {
  return { dir: join(cacheDir, 'portal-search-pages'), code };
}

export interface SearchPagesOptions {
  /**
   * Where what was read of each page is recorded, by the page file's stamp: the next call reads only the
   * pages written since. Reading and hashing every page was most of a rebuild's search phase at 20,000
   * entries, and of the fast path's warm-up.
   */
  record?: PagesRecord;
  /** How a page's text is read (tests count the reads). */
  read?: (file: string) => Promise<string>;
}

/**
 * Every page of `dist` that has a search body, in URL order, with a digest of its HTML. Every page is read,
 * or with `recordDir` every page written since the last call recorded it.
 */
export async function searchPages(dist: string, options: SearchPagesOptions = {}): Promise<Page[]> {
  const read = options.read ?? ((file: string) => readFile(file, 'utf8'));
  const record = options.record && {
    file: join(options.record.dir, `${createHash('sha256').update(dist).digest('hex').slice(0, 16)}.bin`),
    code: options.record.code,
  };
  const known = record ? await readRecord(record.file, dist, record.code) : new Map<string, Seen>();
  const seen = new Map<string, Seen>();
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  const pages: Page[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map(async (name): Promise<Page | undefined> => {
      const file = join(dist, name);
      // Taken before the read: a write that lands after it gives the next call another stamp.
      const stamp = record ? await stampOf(file) : undefined;
      const last = known.get(name);
      if (stamp !== undefined && last?.stamp === stamp) {
        seen.set(name, last);
        return last.page ? { ...last.page, file } : undefined;
      }
      const html = await read(file);
      if (!hasSearchBody(html)) {
        if (stamp !== undefined) seen.set(name, { stamp, page: null });
        return undefined;
      }
      const url = pageUrl(name);
      const time = searchTime(html);
      // Without a time the page would silently fall into no shard's span: a page must say when it is from.
      if (time === undefined) throw new Error(`可搜索的页面没有时间（data-pagefind-sort="time:…"）：${url}`);
      const page = { url, digest: createHash('sha256').update(html).digest('hex'), time };
      if (stamp !== undefined) seen.set(name, { stamp, page });
      return { ...page, file };
    });
    for (const page of await Promise.all(batch)) if (page) pages.push(page);
  }
  if (record) await writeRecord(record.file, dist, record.code, seen);
  return pages;
}

/** Writes the record beside and renames it in: a reader sees the old record or the new one. Never fails. */
async function writeRecord(
  file: string,
  dist: string,
  code: string,
  pages: Map<string, Seen>,
): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(temporary, serialize({ format: RECORD_FORMAT, dist, code, pages }));
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true });
  }
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
