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

/** An update index.ts asks of worker.ts: `now` as PORTAL_NOW takes it, `files` the changed content, absolute. */
export interface UpdateMessage {
  type: 'update';
  id: number;
  siteDir: string;
  now: string;
  files: string[];
}

export interface UpdateResult {
  /** The entries that changed since the last update (or the build the bundle came from), as collection/id. */
  entries: string[];
  pages: string[];
  /** The search shards indexed again, e.g. pagefind/current. */
  shards: string[];
  ms: number;
  /** Milliseconds spent reading the content and finding what changed. */
  load: number;
  /**
   * Each stage in order (worker.ts STAGES: entries, lists, rules): the pages it wrote, milliseconds spent
   * listing its routes' paths, rendering and writing its pages, and indexing their shards, and `at`, the
   * milliseconds from the update's start to its end: when its pages were on the site and found by search.
   */
  stages: { name: string; pages: string[]; paths: number; render: number; search: number; at: number }[];
}
