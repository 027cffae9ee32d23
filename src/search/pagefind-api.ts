/**
 * The part of pagefind's browser API (pagefind.js, written by the build) that the portal uses. The module
 * is loaded at run time from the site, never bundled, so its types are declared here.
 */

export interface PagefindData {
  /** The page's URL as given at indexing (`/articles/…/`). */
  url: string;
  /** The indexed text, plain. */
  content: string;
  /** Page text around the matches, `<` and `>` escaped, matches in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  /** The page's filter values; `time` carries its sort time (facts.ts). */
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindInstance {
  /** `null` as the term lists every page the filters allow. */
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
}

export interface PagefindInstanceOptions {
  /** Where the index lives, e.g. `/manage/pagefind/`. */
  basePath: string;
  /** Prefix of result URLs; pagefind would guess `/manage/` for the managers' index. */
  baseUrl: string;
  /** Words (here: Chinese characters) in an excerpt. */
  excerptLength: number;
}

/**
 * pagefind.js (1.5 and later): every instance searches its own bundle, and all of them share one web worker.
 * Each instance still downloads its bundle's WebAssembly, so shards are opened only when needed.
 */
export interface PagefindModule {
  createInstance(options: PagefindInstanceOptions): PagefindInstance;
}

/** Characters around the match: about three lines of Chinese on a phone. */
export const EXCERPT_LENGTH = 60;

/** The options every caller uses, so the browser and the tests search the same way. */
export function instanceOptions(basePath: string): PagefindInstanceOptions {
  return { basePath, baseUrl: '/', excerptLength: EXCERPT_LENGTH };
}
