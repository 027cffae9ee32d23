/**
 * How the hits of several search shards make one list, without pagefind: pagefind's own `mergeIndex` orders
 * merged results by score even when sorting by time (and its merged scores are off: Pagefind/pagefind#796).
 *
 * A shard covers a span of time (src/search/shards.ts). Shards whose spans overlap (a year's staff shard and
 * the same year's report shard) form a group; groups follow one another in time. So time order across
 * shards is: group after group, and within a group a merge of its shards' lists by each hit's time, which
 * only needs the times of the hits at the front of each list. Pure apart from `timeOf`.
 */

/** What a shard covers, in epoch seconds: `from` inclusive, `to` exclusive, `null` open-ended. */
export interface Span {
  from: number;
  to: number | null;
}

const end = (span: Span) => span.to ?? Infinity;

/**
 * `shards` as groups of overlapping spans, newest group first. Within a group shards keep the order they
 * were given in (the staff family before the reports), which also breaks ties between equal times.
 */
export function spanGroups<S extends Span>(shards: readonly S[]): S[][] {
  const order = shards.map((shard, given) => ({ shard, given }));
  order.sort((a, b) => end(b.shard) - end(a.shard) || b.shard.from - a.shard.from);
  const groups: { from: number; members: typeof order }[] = [];
  for (const item of order) {
    const last = groups.at(-1);
    // Sorted by end, newest first: an item overlaps the group iff it ends after the group's start.
    if (last && end(item.shard) > last.from) {
      last.members.push(item);
      last.from = Math.min(last.from, item.shard.from);
    } else groups.push({ from: item.shard.from, members: [item] });
  }
  return groups.map((g) => g.members.sort((a, b) => a.given - b.given).map((m) => m.shard));
}

export type TimeOrder = 'newest' | 'oldest';

/**
 * Several lists, each already in `order`, read as one list in that order. Hits are taken one at a time, so
 * only the times of the hits at the front of each list are ever asked for (each costs the browser one small
 * download of the page's result data, which it needs anyway when the hit is shown). Equal times keep the
 * order of the lists.
 */
export class TimeMerge<T> {
  private readonly lists: readonly (readonly T[])[];
  private readonly next: number[];
  private readonly timeOf: (hit: T) => Promise<number>;
  private readonly order: TimeOrder;
  private readonly times = new Map<T, Promise<number>>();

  constructor(lists: readonly (readonly T[])[], timeOf: (hit: T) => Promise<number>, order: TimeOrder) {
    this.lists = lists.filter((l) => l.length > 0);
    this.next = this.lists.map(() => 0);
    this.timeOf = timeOf;
    this.order = order;
  }

  /** Hits not yet taken. */
  get remaining(): number {
    return this.lists.reduce((sum, list, i) => sum + list.length - this.next[i]!, 0);
  }

  /** The next `n` hits (fewer at the end). */
  async take(n: number): Promise<T[]> {
    const taken: T[] = [];
    while (taken.length < n && this.remaining > 0) taken.push(await this.one());
    return taken;
  }

  private time(hit: T): Promise<number> {
    let time = this.times.get(hit);
    if (!time) this.times.set(hit, (time = this.timeOf(hit)));
    return time;
  }

  private async one(): Promise<T> {
    const fronts = this.lists.flatMap((list, i) => (this.next[i]! < list.length ? [i] : []));
    // A single list needs no times at all: a group of one shard is read in pagefind's own order.
    let best = fronts[0]!;
    if (fronts.length > 1) {
      const times = await Promise.all(fronts.map((i) => this.time(this.lists[i]![this.next[i]!]!)));
      let bestTime = times[0]!;
      fronts.forEach((i, k) => {
        const t = times[k]!;
        if (this.order === 'newest' ? t > bestTime : t < bestTime) [best, bestTime] = [i, t];
      });
    }
    return this.lists[best]![this.next[best]!++]!;
  }
}

/** Hits of all shards by pagefind's score, highest first; stable, so equal scores keep the shards' order. */
export function byScore<T extends { score: number }>(lists: readonly (readonly T[])[]): T[] {
  return lists.flat().sort((a, b) => b.score - a.score);
}
