/** What the fast path's parent (index.ts) and its process (worker.ts) exchange. */

/** The environment variable that carries the WorkerOptions, as JSON. */
export const OPTIONS_VARIABLE = 'PORTAL_FASTPATH_OPTIONS';

export interface WorkerOptions {
  root: string;
  cacheDir: string;
  contentDir: string;
  /** The site served at start, whose search pages are read during warm-up. */
  siteDir?: string | undefined;
}

export interface UpdateResult {
  /** The entries that changed since the last update (or the build the bundle came from), as collection/id. */
  entries: string[];
  pages: string[];
  /** The search shards indexed again, e.g. pagefind/current. */
  shards: string[];
  ms: number;
  /**
   * How long the parts took, in milliseconds: reading and parsing the content; listing every route's paths
   * (with the compliance rules' index), while the entries' own pages render and their shard is indexed;
   * rendering and writing the other pages up to the end; and indexing the entries' shard on its own.
   */
  timings: { load: number; paths: number; render: number; search: number };
}
