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

export interface PagefindIndexOptions {
  /** Prefix of result URLs; pagefind would guess `/manage/` for the managers' index. */
  baseUrl: string;
  /** Words (here: Chinese characters) in an excerpt. */
  excerptLength: number;
  /** A filter value given to every page of this bundle, so that a search can be kept to it. */
  mergeFilter?: Record<string, string>;
}

export interface PagefindInstanceOptions extends PagefindIndexOptions {
  /** Where the index lives, e.g. `/pagefind/current/`. */
  basePath: string;
}

/** An instance that other bundles can be merged into: one search then searches all of them. */
export interface PagefindRoot extends PagefindInstance {
  /** Adds the bundle at `basePath`, sharing this instance's WebAssembly (none is downloaded for it). */
  mergeIndex(basePath: string, options: PagefindIndexOptions): Promise<void>;
}

/** pagefind.js. */
export interface PagefindModule {
  createInstance(options: PagefindInstanceOptions): PagefindRoot;
}

/**
 * The filter that carries a page's sort time (epoch seconds) to its result data, where pagefind exposes no
 * sort value: the search merges shards by it. Written by facts.ts.
 */
export const TIME_FILTER = 'time';

/** Characters around the match: about three lines of Chinese on a phone. */
export const EXCERPT_LENGTH = 60;

/** The options every caller uses for a bundle, so the browser and the tests search the same way. */
export function indexOptions(): PagefindIndexOptions {
  return { baseUrl: '/', excerptLength: EXCERPT_LENGTH };
}

export function instanceOptions(basePath: string): PagefindInstanceOptions {
  return { basePath, ...indexOptions() };
}
