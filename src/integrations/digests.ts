/**
 * Digests of cached build output. A cache is only as good as its copies: a file edited, truncated or
 * overwritten in the cache folder would otherwise be copied into dist and served, build after build. Each
 * cache records the SHA-256 of every file when the build produces it, and checks them before reuse.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Files read at once. */
const BATCH = 64;

/** File path (POSIX, relative to the folder) → SHA-256 in hex. */
export type Digests = Record<string, string>;

/** A file whose bytes are not those recorded: missing (no `actual`) or unrecorded (no `expected`). */
export interface Mismatch {
  file: string;
  expected?: string;
  actual?: string;
}

export function digestOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file below `dir` as sorted POSIX paths relative to it; none when `dir` does not exist. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The digest of each of `files` below `dir`; a file that cannot be read is left out. */
export async function digestFiles(dir: string, files: readonly string[]): Promise<Digests> {
  const digests: Digests = {};
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH).map(async (file) => {
      const bytes = await readFile(join(dir, file)).catch(() => undefined);
      if (bytes) digests[file] = digestOf(bytes);
    });
    await Promise.all(batch);
  }
  return digests;
}

/**
 * Every file of `dir` that differs from `expected`, is missing, or has no recorded digest, in path order.
 * Files named in `unread` are not read this time: the build will not use them (see dist-state.ts).
 */
export async function verify(
  dir: string,
  expected: Readonly<Digests>,
  unread: ReadonlySet<string> = new Set(),
): Promise<Mismatch[]> {
  const present = (await filesIn(dir)).filter((f) => !unread.has(f));
  const actual = await digestFiles(dir, present);
  for (const f of unread) actual[f] = expected[f]!;
  const all = [...new Set([...present, ...Object.keys(expected)])].sort();
  return all
    .filter((file) => actual[file] !== expected[file])
    .map((file) => ({ file, expected: expected[file], actual: actual[file] }));
}

/** The Chinese log line for one damaged cache file: which file, the recorded and the found digest. */
export function mismatchMessage(path: string, m: Mismatch, action: string): string {
  const expected = m.expected ? `sha256 ${m.expected}` : '（没有记录）';
  const actual = m.actual ? `sha256 ${m.actual}` : '（文件缺失）';
  return `缓存文件与记录的摘要不符：${path}，应为 ${expected}，实为 ${actual}；${action}`;
}

/** Reads a JSON file written by this module's callers; undefined when missing or not JSON. */
export async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}
