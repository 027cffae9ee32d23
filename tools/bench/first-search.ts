/**
 * What the staff search page's first query downloads, for `npm run bench`. On a sharded site (issue 14:
 * /pagefind/shards.json) the page loads the newest shard first and an older one only while the results do not
 * fill its first page, so this does the same; on an unsharded site it is the one /pagefind/ index.
 * Until the search page's own shard client can be run in Node here, each further shard is counted with its own
 * pagefind.js and WebAssembly, which the page loads once: with more than one shard the figure is an upper bound.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstQuery, type FirstQuery } from '../../src/search/node-pagefind.ts';
import { PAGE_SIZE } from '../../src/search/view.ts';

export interface FirstSearch extends FirstQuery {
  query: string;
  /** The indexes the query read, site paths, in order. */
  indexes: string[];
}

export async function firstSearch(dist: string, query: string): Promise<FirstSearch> {
  const manifest = join(dist, 'pagefind/shards.json');
  const paths = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { shards: { path: string }[] }).shards.map((s) => s.path)
    : ['/pagefind/'];
  const total: FirstSearch = { query, bytes: 0, files: 0, results: 0, indexes: [] };
  for (const path of paths) {
    const one = await firstQuery(dist, path.replace(/^\/|\/$/g, ''), query);
    total.bytes += one.bytes;
    total.files += one.files;
    total.results += one.results;
    total.indexes.push(path);
    if (total.results >= PAGE_SIZE) break;
  }
  return total;
}
