/**
 * Which search shard a page belongs to, and the manifest that lists a family's shards. Pure: the build
 * (src/integrations/search.ts), the fast path and the search page all agree through these functions.
 *
 * A page goes by its search time (the `time` sort key of SearchFacts, epoch seconds): from the first instant
 * of the build's current Beijing month on (future times too) it is in `current`, which a new submission
 * rebuilds in seconds; before that, in the shard of its Beijing year. A year shard therefore ends where
 * `current` begins when it is this year's.
 */
import { Temporal } from 'temporal-polyfill';
import { inShanghai, TIME_ZONE } from '../model/time.ts';

/** The shard of this month and anything later. */
export const CURRENT_SHARD = 'current';

/** The manifest's file name, in each family's folder. */
export const MANIFEST_FILE = 'shards.json';

/** What a shard covers, in epoch seconds: `from` inclusive, `to` exclusive; `null` is open-ended. */
export interface ShardSpan {
  from: number;
  to: number | null;
}

export interface ShardEntry extends ShardSpan {
  id: string;
  /** The shard's pagefind bundle, a site path ending in `/`, e.g. `/pagefind/2025/`. */
  path: string;
  pages: number;
}

/** `/pagefind/shards.json` or `/manage/pagefind/shards.json`: the family's shards, newest first. */
export interface ShardManifest {
  version: 1;
  shards: ShardEntry[];
}

const seconds = (instant: Temporal.Instant) => Math.floor(instant.epochMilliseconds / 1000);

/** Epoch seconds of the first instant of `now`'s Beijing month: where `current` begins. */
export function currentFrom(now: Temporal.Instant): number {
  const month = inShanghai(now).toPlainDate().with({ day: 1 });
  return seconds(month.toZonedDateTime({ timeZone: TIME_ZONE }).toInstant());
}

/** Epoch seconds of the first instant of a Beijing year. */
function yearStart(year: number): number {
  const date = Temporal.PlainDate.from({ year, month: 1, day: 1 });
  return seconds(date.toZonedDateTime({ timeZone: TIME_ZONE }).toInstant());
}

/** The shard of `timeSeconds` when `current` begins at `from`. */
function shardFrom(timeSeconds: number, from: number): string {
  if (timeSeconds >= from) return CURRENT_SHARD;
  return String(inShanghai(Temporal.Instant.fromEpochMilliseconds(timeSeconds * 1000)).year);
}

/** The shard of a page whose search time is `timeSeconds`, in a build made at `now`. */
export function shardId(timeSeconds: number, now: Temporal.Instant): string {
  return shardFrom(timeSeconds, currentFrom(now));
}

/** Whether `id` is a shard id at all: `current` or a four-digit year (it becomes part of a path). */
export function isShardId(id: string): boolean {
  return id === CURRENT_SHARD || /^\d{4}$/.test(id);
}

/** The times shard `id` covers in a build made at `now`. */
export function shardSpan(id: string, now: Temporal.Instant): ShardSpan {
  const from = currentFrom(now);
  if (id === CURRENT_SHARD) return { from, to: null };
  if (!isShardId(id)) throw new Error(`不是搜索分片：${id}`);
  const year = Number(id);
  return { from: yearStart(year), to: Math.min(yearStart(year + 1), from) };
}

/** Orders shard ids newest first: `current`, then years downwards. */
export function newestFirst(a: string, b: string): number {
  const rank = (id: string) => (id === CURRENT_SHARD ? Infinity : Number(id));
  return rank(b) - rank(a);
}

/**
 * `items` by shard, newest shard first; each shard keeps the order of `items` (the build passes pages in URL
 * order, which makes its indexes reproducible). Empty shards do not appear.
 */
export function groupByShard<T>(
  items: readonly T[],
  time: (item: T) => number,
  now: Temporal.Instant,
): Map<string, T[]> {
  const from = currentFrom(now);
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = shardFrom(time(item), from);
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => newestFirst(a, b)));
}

/**
 * The manifest of the family whose shards live under `base` (a site path ending in `/`, e.g. `/pagefind/`),
 * from each shard's page count. Shards without pages are left out; the rest are listed newest first.
 */
export function shardManifest(
  base: string,
  pages: Iterable<readonly [id: string, pages: number]>,
  now: Temporal.Instant,
): ShardManifest {
  const shards = [...pages]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => newestFirst(a, b))
    .map(([id, n]) => ({ id, path: `${base}${id}/`, ...shardSpan(id, now), pages: n }));
  return { version: 1, shards };
}
