/**
 * What the staff search page's first query downloads, for `npm run bench`: its shards in the default order
 * (newest first), as the search page opens them (src/search/node-pagefind.ts firstQuery).
 */
import { firstQuery, type FirstQuery } from '../../src/search/node-pagefind.ts';

export interface FirstSearch extends FirstQuery {
  query: string;
  families: string[];
  sort: 'newest';
}

export async function firstSearch(dist: string, query: string): Promise<FirstSearch> {
  const families = ['/pagefind/'];
  return { query, families, sort: 'newest', ...(await firstQuery(dist, families, query)) };
}
