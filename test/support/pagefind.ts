/**
 * The pagefind a built site ships, run in Node: its own pagefind.js and WebAssembly, reading the index files
 * from disk. Two shims stand in for the browser: `fetch` reads the build's files (counting their bytes), and
 * `document` only tells pagefind the page language, as <html lang="zh-CN"> does. Without a window pagefind
 * runs on the main thread instead of in a worker; the search itself is the same code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindInstance, PagefindModule } from '../../src/search/pagefind-api.ts';
import { instanceOptions } from '../../src/search/pagefind-api.ts';

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
