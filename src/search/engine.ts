/**
 * One search, as the page runs it: pagefind's ordinary search for recall, its phrase mode once per phrase
 * for precision, then complete matches first. Works on any PagefindInstance, so the build tests run exactly
 * this against the real index in Node.
 */
import type { Filters, SortOrder } from './params.ts';
import type { PagefindInstance, PagefindResult, PagefindSearchOptions } from './pagefind-api.ts';
import { exactTerm, looseTerm, type Query } from './query.ts';
import { intersect, rankHits, type Ranked } from './rank.ts';

export interface SearchRequest {
  query: Query;
  filters: Filters;
  sort: SortOrder;
  exactOnly: boolean;
}

const SORTS: Record<SortOrder, PagefindSearchOptions['sort']> = {
  relevance: {},
  newest: { time: 'desc' },
  oldest: { time: 'asc' },
};

/**
 * A result whose data() asks pagefind's own result object. Pagefind (1.5+, searching in a Web Worker) keeps
 * each result's data in the worker until that object is garbage-collected (a FinalizationRegistry); a copy
 * of it ({ ...result }, as ranking makes) does not keep it alive, and its data() then answers null once a
 * collection ran. This closure holds the original as long as the hit is held.
 */
function held(result: PagefindResult): PagefindResult {
  return { id: result.id, score: result.score, data: () => result.data() };
}

export async function runSearch(
  pagefind: PagefindInstance,
  { query, filters, sort, exactOnly }: SearchRequest,
): Promise<Ranked<PagefindResult>> {
  const options: PagefindSearchOptions = {
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
    // Filters alone have no relevance to order by: newest first then.
    sort: query.phrases.length === 0 && sort === 'relevance' ? SORTS.newest : SORTS[sort],
  };
  if (query.phrases.length === 0) {
    const { results } = await pagefind.search(null, options);
    return rankHits(results.map(held), undefined, undefined, false);
  }
  // The ordinary search first: it loads the index chunks that the phrase searches then share.
  const loose = looseTerm(query);
  const { results } = await pagefind.search(loose, options);
  // Pagefind leaves out of a search any word that no page (of this index) has, instead of finding nothing:
  // "高 萍" in an index without 萍 lists every page with 高. Each word is looked up alone, so that a result
  // has every character, whatever the index (a shard lacks words that the whole site has).
  const words = [...new Set(loose.split(' '))];
  const missing =
    results.length > 0 && words.length > 1
      ? await Promise.all(words.map(async (w) => (await pagefind.search(w, options)).results.length === 0))
      : [];
  if (missing.some(Boolean)) return rankHits([], undefined, undefined, false);
  const exact = await Promise.all(
    query.phrases.map(async (phrase) => {
      const found = await pagefind.search(exactTerm(phrase), options);
      return { quoted: phrase.quoted, ids: new Set(found.results.map((r) => r.id)) };
    }),
  );
  const complete = intersect(exact.map((e) => e.ids));
  const required = intersect(exact.filter((e) => e.quoted).map((e) => e.ids));
  return rankHits(results.map(held), complete, required, exactOnly);
}
