/**
 * The pagefind a built site ships, run in Node: its own pagefind.js and WebAssembly, reading the index files
 * from disk. Two shims stand in for the browser: `fetch` reads the build's files (counting their bytes), and
 * `document` only tells pagefind the page language, as <html lang="zh-CN"> does. Without a window pagefind
 * runs on the main thread instead of in a worker; the search itself is the same code.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindInstance, PagefindModule } from './pagefind-api.ts';
import { instanceOptions } from './pagefind-api.ts';
import { runSearch } from './engine.ts';
import { parseQuery } from './query.ts';
import { PAGE_SIZE } from './view.ts';

export interface NodePagefind {
  pagefind: PagefindInstance;
  /** Bytes of index files read so far (what a browser would download, uncompressed by the server). */
  bytesRead(): number;
  /** Paths read so far, relative to the site. */
  filesRead(): string[];
}

/** Loads the index at `/${index}/` of the site built in `outDir`. */
export async function loadNodePagefind(outDir: string, index: string): Promise<NodePagefind> {
  const base = `/${index}/`;
  const files: string[] = [];
  let bytes = 0;
  const realFetch = globalThis.fetch;
  Object.assign(globalThis, {
    document: { currentScript: null, querySelector: () => ({ getAttribute: () => 'zh-CN' }) },
    // Pagefind asks for site paths (`/pagefind/index/…`); anything else goes to the real fetch.
    fetch: async (input: string | URL | Request, init?: RequestInit) => {
      const path = String(input).replace(/\?.*$/, '');
      if (!path.startsWith('/')) return realFetch(input, init);
      const body = readFileSync(join(outDir, path));
      files.push(path);
      bytes += body.length;
      return new Response(body);
    },
  });
  // A fresh module per index: pagefind keeps its state in module scope.
  const url = `${pathToFileURL(join(outDir, index, 'pagefind.js')).href}?${Date.now()}`;
  const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
  return {
    pagefind: module.createInstance(instanceOptions(base)),
    bytesRead: () => bytes,
    filesRead: () => [...files],
  };
}

/** What the first search of a visit downloads: pagefind.js, its WebAssembly and index files, and the data of the results shown. */
export interface FirstQuery {
  bytes: number;
  files: number;
  results: number;
}

/**
 * Runs one search on a fresh load of an index, as the search page's first query does (the same engine), and
 * fetches the data of the results the page shows first. Bytes are as stored, before any compression by the
 * web server.
 */
export async function firstQuery(outDir: string, index: string, q: string): Promise<FirstQuery> {
  const fresh = await loadNodePagefind(outDir, index);
  const ranked = await runSearch(fresh.pagefind, {
    query: parseQuery(q),
    filters: {},
    sort: 'relevance',
    exactOnly: false,
  });
  await Promise.all(ranked.hits.slice(0, PAGE_SIZE).map((h) => h.data()));
  // pagefind.js itself is imported from disk here rather than fetched: count it too.
  const script = statSync(join(outDir, index, 'pagefind.js')).size;
  return {
    bytes: fresh.bytesRead() + script,
    files: fresh.filesRead().length + 1,
    results: ranked.hits.length,
  };
}
