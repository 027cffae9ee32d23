/** Sorting and grouping of dated entries. Times are compared as instants and months are Beijing months. */
import { beijingMonth, instantOf } from '../model/time.ts';
import { compareCodePoints } from '../rules/counting.ts';

export type Order = 'asc' | 'desc';

/** One group of a grouping, its items in the order asked for. */
export interface Group<T> {
  key: string;
  items: T[];
}

/**
 * Sorted copy of `items` by a datetime field. Datetimes may carry different offsets, so they are compared as
 * instants, never as text; equal times fall back to the id so that the order never depends on the disk.
 */
export function sortByTime<T extends { id: string }>(
  items: readonly T[],
  timeOf: (item: T) => string,
  order: Order = 'asc',
): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return items
    .map((item) => ({ item, at: instantOf(timeOf(item)).epochNanoseconds }))
    .sort((a, b) => sign * (a.at < b.at ? -1 : a.at > b.at ? 1 : compareCodePoints(a.item.id, b.item.id)))
    .map(({ item }) => item);
}

/** Items grouped by the Beijing month of a datetime field; months and items both in `order`. */
export function groupByMonth<T extends { id: string }>(
  items: readonly T[],
  timeOf: (item: T) => string,
  order: Order = 'desc',
): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of sortByTime(items, timeOf, order)) {
    const key = beijingMonth(timeOf(item));
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups].map(([key, list]) => ({ key, items: list }));
}

/** How many items a list of groups holds in all. */
export function countItems(groups: readonly { items: readonly unknown[] }[]): number {
  return groups.reduce((n, g) => n + g.items.length, 0);
}

/**
 * Items grouped by a key, the groups in the order of `keys` (e.g. regions as regions.yaml lists them), items
 * keeping their order. Empty groups are left out; items whose key is not in `keys` come last, by key.
 */
export function groupByKey<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  keys: readonly string[] = [],
): Group<T>[] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  const extra = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const target = groups.get(key) ?? extra.get(key) ?? extra.set(key, []).get(key)!;
    target.push(item);
  }
  const rest = [...extra].sort(([a], [b]) => compareCodePoints(a, b));
  return [...groups, ...rest]
    .filter(([, list]) => list.length > 0)
    .map(([key, list]) => ({ key, items: list }));
}
