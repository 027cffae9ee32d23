/**
 * One search over the shards: the engine (engine.ts: loose and exact phrase passes, filters) runs in each
 * shard, and the hits make one list (shard-merge.ts) in the order a single index would give:
 *
 * - complete matches first, then partial ones;
 * - by time (newest, oldest): exact across shards, each hit placed by its own time;
 * - by relevance: by pagefind's score, which is only approximate across shards (Pagefind/pagefind#796).
 *
 * Newest first (the default) opens the newest shards first and older ones only when the results asked for
 * are not yet all known: a complete match from an older year can come before no partial one, so partial
 * matches are known only once every shard has been searched. Oldest first and relevance need every shard.
 */
import { runSearch, type SearchRequest } from './engine.ts';
import { TIME_FILTER, type PagefindResult } from './pagefind-api.ts';
import { byScore, spanGroups, TimeMerge, type TimeOrder } from './shard-merge.ts';
import type { ShardSource } from './shard-set.ts';

export interface ShardHit extends PagefindResult {
  complete: boolean;
  /** The shard it was found in. */
  shard: string;
}

/** What a search knows so far. */
export interface ShardProgress {
  /** Whether every shard has been searched: then `known` is the whole result. */
  all: boolean;
  /** Shard ids searched so far, newest first, each once. */
  searched: string[];
  /** Results known so far, in order (more than have been read). */
  known: number;
  /** Complete matches among them. */
  complete: number;
}

/** A sorted section of the results (complete or partial matches) as a sequence of readers. */
type Reader = { remaining: number; take(n: number): Promise<ShardHit[]> };

async function timeOf(hit: ShardHit): Promise<number> {
  const value = Number((await hit.data()).filters[TIME_FILTER]?.[0]);
  if (!Number.isFinite(value)) throw new Error(`搜索结果缺少时间：${hit.id}`);
  return value;
}

const listReader = (hits: ShardHit[]): Reader => {
  let next = 0;
  return {
    get remaining() {
      return hits.length - next;
    },
    take: async (n) => hits.slice(next, (next += n)),
  };
};

export class ShardSearch {
  private readonly request: SearchRequest;
  /** Groups of shards with overlapping spans, in the order their hits come. */
  private readonly groups: ShardSource[][];
  private readonly order: TimeOrder | 'relevance';
  /** Per group searched: the hits of each of its shards. */
  private readonly found: ShardHit[][][] = [];
  /** Results placed so far, in order. */
  private readonly placed: ShardHit[] = [];
  /** Readers of the sections still to place; the partial section is added once every shard is searched. */
  private readers: Reader[] = [];
  private partialQueued = false;
  /** Reads one after another: a second "more" waits for the first instead of searching the same shard. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(shards: readonly ShardSource[], request: SearchRequest) {
    this.request = request;
    // Filters alone have no relevance to order by: newest first then, as the engine does.
    const { phrases } = request.query;
    this.order = phrases.length === 0 && request.sort === 'relevance' ? 'newest' : request.sort;
    const groups = spanGroups(shards);
    this.groups = this.order === 'oldest' ? groups.reverse() : groups;
  }

  get all(): boolean {
    return this.found.length === this.groups.length;
  }

  progress(): ShardProgress {
    const hits = this.found.flat(2);
    const complete = hits.filter((h) => h.complete).length;
    const searched = [...new Set(this.groups.slice(0, this.found.length).flatMap((g) => g.map((s) => s.id)))];
    if (this.order === 'oldest') searched.reverse();
    return { all: this.all, searched, known: this.all ? hits.length : this.sectionKnown(), complete };
  }

  /** Results from `start`, at most `count`, searching further shards until they are known. */
  read(start: number, count: number): Promise<ShardHit[]> {
    const read = this.queue.then(async () => {
      await this.place(start + count);
      return this.placed.slice(start, start + count);
    });
    this.queue = read.catch(() => undefined);
    return read;
  }

  /**
   * Without phrases every hit is in one section; with them the first section is the complete matches.
   * Until every shard is searched only that section can be placed.
   */
  private sectionKnown(): number {
    const first = this.found.flat(2).filter((h) => this.inFirstSection(h));
    return first.length;
  }

  private inFirstSection(hit: ShardHit): boolean {
    return hit.complete || this.request.query.phrases.length === 0;
  }

  private async place(n: number): Promise<void> {
    const lazy = this.order === 'newest';
    while (!this.all && (!lazy || this.sectionKnown() < n)) await this.searchGroup();
    if (this.all && !this.partialQueued) {
      this.partialQueued = true;
      if (this.order === 'relevance') {
        // Relevance has to wait for every shard: both sections are placed by score.
        const hits = this.found.flat();
        this.readers = [
          listReader(byScore(hits.map((l) => l.filter((h) => h.complete)))),
          listReader(byScore(hits.map((l) => l.filter((h) => !h.complete)))),
        ];
      } else if (this.request.query.phrases.length > 0) {
        this.readers.push(...this.found.map((group) => this.reader(group, false)));
      }
    }
    while (this.placed.length < n) {
      const reader = this.readers.find((r) => r.remaining > 0);
      if (!reader) return;
      this.placed.push(...(await reader.take(n - this.placed.length)));
    }
  }

  private reader(group: ShardHit[][], first: boolean): Reader {
    const lists = group.map((hits) => hits.filter((h) => this.inFirstSection(h) === first));
    return new TimeMerge(lists, timeOf, this.order === 'oldest' ? 'oldest' : 'newest');
  }

  /** Searches every shard of the next group (in parallel), and queues its first section. */
  private async searchGroup(): Promise<void> {
    const group = this.groups[this.found.length]!;
    const found = await Promise.all(
      group.map(async (shard) => {
        const ranked = await runSearch(await shard.instance(), this.request);
        return ranked.hits.map((h): ShardHit => ({ ...h, shard: shard.id }));
      }),
    );
    this.found.push(found);
    if (this.order !== 'relevance') this.readers.push(this.reader(found, true));
  }
}
