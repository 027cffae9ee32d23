/**
 * The search shards a search page reads: each family's shards.json (`/pagefind/` for staff; the managers'
 * page adds `/manage/pagefind/`), one pagefind.js and one WebAssembly for all of them, each shard opened
 * when a search first needs it (it then downloads its bundle's index metadata). Runs the same in the browser
 * and in Node (node-pagefind.ts), through `fetch`.
 */
import {
  indexOptions,
  instanceOptions,
  type PagefindInstance,
  type PagefindModule,
  type PagefindRoot,
} from './pagefind-api.ts';
import type { Span } from './shard-merge.ts';
import { CURRENT_SHARD, isShardId, MANIFEST_FILE, type ShardEntry } from './shards.ts';

/** A family's folder on this site: `/pagefind/` or `/manage/pagefind/`. */
export const FAMILY_PATH = /^\/(?:[a-z]+\/)*pagefind\/$/;

/** One shard as the search uses it. */
export interface ShardSource extends Span {
  id: string;
  /** The bundle, e.g. `/manage/pagefind/2025/`. */
  path: string;
  /** Opens the shard on first use; a failed open is tried again next time. */
  instance(): Promise<PagefindInstance>;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The shards of a manifest, checked: it comes over the network, and its paths are loaded as code (a shard's
 * pagefind.js) and data. Only shards inside the family's own folder are accepted.
 */
export function manifestShards(json: unknown, family: string): ShardEntry[] {
  const shards = (json as { version?: unknown; shards?: unknown } | null)?.shards;
  if ((json as { version?: unknown } | null)?.version !== 1 || !Array.isArray(shards))
    throw new Error(`搜索分片清单格式不对：${family}${MANIFEST_FILE}`);
  return shards.map((s: Partial<ShardEntry>) => {
    const id = String(s.id);
    if (!isShardId(id) || s.path !== `${family}${id}/` || !isNumber(s.from) || !isNumber(s.pages))
      throw new Error(`搜索分片清单有误：${family}${MANIFEST_FILE}`);
    if (s.to !== null && !isNumber(s.to)) throw new Error(`搜索分片清单有误：${family}${MANIFEST_FILE}`);
    return { id, path: s.path, from: s.from, to: s.to ?? null, pages: s.pages };
  });
}

/** Reads each family's manifest, in the order given (staff first: equal times keep that order). */
export async function readManifests(families: readonly string[]): Promise<ShardEntry[]> {
  const lists = await Promise.all(
    families.map(async (family) => {
      if (!FAMILY_PATH.test(family)) throw new Error(`不是本站的搜索索引：${family}`);
      const response = await fetch(`${family}${MANIFEST_FILE}`);
      if (!response.ok) throw new Error(`${response.status} ${family}${MANIFEST_FILE}`);
      return manifestShards(await response.json(), family);
    }),
  );
  return lists.flat();
}

/** The filter every page of a shard gets at search time (pagefind's `mergeFilter`): the shard's path. */
export const SHARD_FILTER = 'shard';

/**
 * The shards of `families`, each opened on first use with the one pagefind.js that `importScript` loads from
 * the newest shard (every shard's copy is the same file: the build writes them all with one pagefind).
 *
 * The first shard opened becomes a pagefind instance; every later one is merged into it (`mergeIndex`), so
 * that it shares that instance's WebAssembly: an instance of its own (`createInstance`) would download the
 * 55 KB of WebAssembly again for each shard. Each shard carries its path as a filter value, and a shard's
 * searches ask for that value: only that shard answers, in its own order (pagefind orders merged results by
 * score, and a single bundle's scores follow its own order, also when sorting by time). The shards are
 * opened one after another.
 */
export async function openShards(
  families: readonly string[],
  importScript: (url: string) => Promise<PagefindModule>,
): Promise<ShardSource[]> {
  const entries = await readManifests(families);
  const newest = entries.find((e) => e.id === CURRENT_SHARD) ?? entries[0];
  let root: Promise<PagefindRoot> | undefined;
  let opening: Promise<unknown> = Promise.resolve();
  const open = (path: string): Promise<PagefindRoot> => {
    const opened = opening.then(async () => {
      const mergeFilter = { [SHARD_FILTER]: path };
      if (root) {
        const instance = await root;
        await instance.mergeIndex(path, { ...indexOptions(), mergeFilter });
        return instance;
      }
      root = importScript(`${newest!.path}pagefind.js`).then(async (module) => {
        const instance = module.createInstance({ ...instanceOptions(path), mergeFilter });
        // Resolves once the instance is set up: pagefind's own init() resolves before its WebAssembly is.
        await instance.search('');
        return instance;
      });
      root.catch(() => (root = undefined));
      return root;
    });
    opening = opened.catch(() => undefined);
    return opened;
  };
  return entries.map(({ id, path, from, to }) => {
    let opened: Promise<PagefindInstance> | undefined;
    return {
      id,
      path,
      from,
      to,
      instance: () => {
        opened ??= open(path).then((instance) => ({
          search: (term, options) =>
            instance.search(term, { ...options, filters: { ...options?.filters, [SHARD_FILTER]: path } }),
        }));
        opened.catch(() => (opened = undefined));
        return opened;
      },
    };
  });
}
