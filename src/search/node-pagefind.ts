/**
 * The pagefind a built site ships, run in Node: its own pagefind.js and WebAssembly, reading the index files
 * from disk. Two shims stand in for the browser: `fetch` reads the build's files (counting their bytes), and
 * `document` only tells pagefind the page language, as <html lang="zh-CN"> does. Without a window pagefind
 * runs on the main thread instead of in a worker; the search itself is the same code. Shards are opened as
 * the search page opens them (shard-set.ts), so the bytes counted are the ones a browser would fetch.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindInstance, PagefindModule } from './pagefind-api.ts';
import { instanceOptions } from './pagefind-api.ts';
import type { SortOrder } from './params.ts';
import { parseQuery } from './query.ts';
import { ShardSearch } from './shard-search.ts';
import { openShards, type ShardSource } from './shard-set.ts';
import { PAGE_SIZE } from './view.ts';

export interface NodePagefind {
  pagefind: PagefindInstance;
  /** Bytes of index files read so far (what a browser would download, uncompressed by the server). */
  bytesRead(): number;
  /** Paths read so far, relative to the site. */
  filesRead(): string[];
}

interface Reads {
  bytesRead(): number;
  filesRead(): string[];
}

/** Folders served as the site root, the latest first: a path is read from the first that has it. */
const roots: string[] = [];
let counting = { bytes: 0, files: [] as string[] };

/**
 * Points `fetch` at the site built in `outDir` (besides any folder served before), counting from now on
 * what is read. Pagefind asks for site paths (`/pagefind/current/index/…`); anything else goes to the real
 * fetch.
 */
function serveFrom(outDir: string): Reads {
  const reads = { bytes: 0, files: [] as string[] };
  counting = reads;
  if (!roots.includes(outDir)) roots.unshift(outDir);
  if (roots.length === 1) {
    const realFetch = globalThis.fetch;
    Object.assign(globalThis, {
      document: { currentScript: null, querySelector: () => ({ getAttribute: () => 'zh-CN' }) },
      fetch: async (input: string | URL | Request, init?: RequestInit) => {
        const path = String(input).replace(/\?.*$/, '');
        if (!path.startsWith('/')) return realFetch(input, init);
        const root = roots.find((r) => existsSync(join(r, path))) ?? roots[0]!;
        const body = readFileSync(join(root, path));
        counting.files.push(path);
        counting.bytes += body.length;
        return new Response(body);
      },
    });
  }
  return { bytesRead: () => reads.bytes, filesRead: () => [...reads.files] };
}

/** A fresh copy of a pagefind.js of the site: pagefind keeps its state in module scope. */
const freshScript = (outDir: string) => async (path: string) =>
  (await import(
    /* @vite-ignore */ `${pathToFileURL(join(outDir, path)).href}?${Date.now()}`
  )) as PagefindModule;

/** Loads the single pagefind bundle at `/${index}/` of the site built in `outDir`. */
export async function loadNodePagefind(outDir: string, index: string): Promise<NodePagefind> {
  const reads = serveFrom(outDir);
  const module = await freshScript(outDir)(`${index}/pagefind.js`);
  return { pagefind: module.createInstance(instanceOptions(`/${index}/`)), ...reads };
}

export interface NodeShards extends Reads {
  shards: ShardSource[];
}

/** The shards of `families` (e.g. `['/pagefind/']`) of the site built in `outDir`, as the search page opens them. */
export async function loadNodeShards(outDir: string, families: readonly string[]): Promise<NodeShards> {
  const reads = serveFrom(outDir);
  return { shards: await openShards(families, freshScript(outDir)), ...reads };
}

/** What the first search of a visit downloads: pagefind.js, its WebAssembly and index files, and the data of the results shown. */
export interface FirstQuery {
  bytes: number;
  files: number;
  results: number;
  /** Shards opened (each downloads its own index metadata and WebAssembly). */
  shards: number;
}

/**
 * Runs one search on a fresh load of a family's shards, as the search page's first query does (the same
 * engine, the default order), and fetches the data of the results the page shows first. Bytes are as
 * stored, before any compression by the web server.
 */
export async function firstQuery(
  outDir: string,
  families: readonly string[],
  q: string,
  sort: SortOrder = 'newest',
): Promise<FirstQuery> {
  const fresh = await loadNodeShards(outDir, families);
  const search = new ShardSearch(fresh.shards, { query: parseQuery(q), filters: {}, sort, exactOnly: false });
  await Promise.all((await search.read(0, PAGE_SIZE)).map((h) => h.data()));
  // pagefind.js itself is imported from disk here rather than fetched: count it too.
  const script = fresh.shards[0] ? statSync(join(outDir, fresh.shards[0].path, 'pagefind.js')).size : 0;
  return {
    bytes: fresh.bytesRead() + script,
    files: fresh.filesRead().length + 1,
    results: search.progress().known,
    shards: new Set(fresh.filesRead().filter((f) => f.endsWith('/pagefind-entry.json'))).size,
  };
}
