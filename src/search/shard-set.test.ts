import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PagefindIndexOptions, PagefindModule, PagefindSearchOptions } from './pagefind-api.ts';
import { manifestShards, openShards, SHARD_FILTER } from './shard-set.ts';

const entry = (family: string, id: string, from: number, to: number | null) => ({
  id,
  path: `${family}${id}/`,
  from,
  to,
  pages: 3,
});

const STAFF = {
  version: 1,
  shards: [entry('/pagefind/', 'current', 300, null), entry('/pagefind/', '2025', 100, 200)],
};
const REPORTS = { version: 1, shards: [entry('/manage/pagefind/', 'current', 300, null)] };

describe('manifestShards', () => {
  it('reads a manifest the build wrote', () => {
    expect(manifestShards(STAFF, '/pagefind/').map((s) => s.path)).toEqual([
      '/pagefind/current/',
      '/pagefind/2025/',
    ]);
  });

  it.each([
    ['another version', { ...STAFF, version: 2 }],
    ['no list', { version: 1 }],
    [
      'a path outside the family',
      { version: 1, shards: [{ ...STAFF.shards[0], path: '/manage/pagefind/current/' }] },
    ],
    ['a script elsewhere', { version: 1, shards: [{ ...STAFF.shards[0], path: 'https://evil.example/' }] }],
    [
      'an id that is no shard',
      { version: 1, shards: [{ ...STAFF.shards[0], id: '../x', path: '/pagefind/../x/' }] },
    ],
    ['a time that is no number', { version: 1, shards: [{ ...STAFF.shards[0], from: '1' }] }],
  ])('refuses %s', (_, json) => {
    expect(() => manifestShards(json, '/pagefind/')).toThrow(/搜索分片清单/);
  });
});

describe('openShards', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A pagefind.js that records what is asked of it. */
  function fakeModule() {
    const log: string[] = [];
    const module: PagefindModule = {
      createInstance: (options) => {
        log.push(`create ${options.basePath} ${JSON.stringify(options.mergeFilter)}`);
        return {
          search: async (term: string | null, options?: PagefindSearchOptions) => {
            log.push(`search ${term} ${JSON.stringify(options?.filters ?? {})}`);
            return { results: [] };
          },
          mergeIndex: async (path: string, options: PagefindIndexOptions) => {
            log.push(`merge ${path} ${JSON.stringify(options.mergeFilter)}`);
          },
        };
      },
    };
    return { module, log };
  }

  it('loads one pagefind.js, opens shards only when used, and keeps each search to its shard', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      Response.json(url === '/pagefind/shards.json' ? STAFF : REPORTS),
    );
    const { module, log } = fakeModule();
    const scripts: string[] = [];
    const shards = await openShards(['/pagefind/', '/manage/pagefind/'], async (url) => {
      scripts.push(url);
      return module;
    });
    expect(shards.map((s) => s.path)).toEqual([
      '/pagefind/current/',
      '/pagefind/2025/',
      '/manage/pagefind/current/',
    ]);
    expect(scripts).toEqual([]);

    // Two shards wanted at once: the first becomes the instance, the second is merged into it afterwards.
    const [reports, staff] = await Promise.all([shards[2]!.instance(), shards[0]!.instance()]);
    await staff.search('回 款', { filters: { region: 'east' } });
    await reports.search(null);
    expect(scripts).toEqual(['/pagefind/current/pagefind.js']);
    expect(log).toEqual([
      `create /manage/pagefind/current/ {"${SHARD_FILTER}":"/manage/pagefind/current/"}`,
      'search  {}',
      `merge /pagefind/current/ {"${SHARD_FILTER}":"/pagefind/current/"}`,
      `search 回 款 {"region":"east","${SHARD_FILTER}":"/pagefind/current/"}`,
      `search null {"${SHARD_FILTER}":"/manage/pagefind/current/"}`,
    ]);
    // The 2025 shard was never opened.
    expect(log.some((l) => l.includes('2025'))).toBe(false);
  });

  it('fails for a family that is not a search index of this site', async () => {
    await expect(openShards(['/elsewhere/'], async () => fakeModule().module)).rejects.toThrow(/不是本站/);
  });
});
