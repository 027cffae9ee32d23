/**
 * Which pages an update renders. Pure, so that the rule can be read and tested on its own.
 *
 * - A page whose getStaticPaths() entry has a cacheKey (articles, minutes, reports: src/site/cache-key.ts) is
 *   rendered when its key changed or it is new: the key is made from every entry the page shows, so this is
 *   exactly the set the full incremental build renders again among those pages.
 * - A page without a key is rendered when it has no route parameters (home, the lists, indexes: a few dozen
 *   pages) or when one of its parameters names something the changed entries carry: their month (issue,
 *   compliance, timeliness, activity pages of that month), region, author or id.
 */
import { Temporal } from 'temporal-polyfill';

export interface StaticPath {
  pathname: string;
  /** The route's parameters for this path, e.g. { month: '2026-11' }; empty for a page without any. */
  params: readonly string[];
  cacheKey?: string | undefined;
}

const MONTH_PREFIX = /^(\d{4}-\d{2})(?:-\d{2}|$)/;

/** Every string an entry's data holds (ids, regions, people, months), plus the Beijing month of its times. */
export function touchedValues(data: unknown, into = new Set<string>()): Set<string> {
  if (typeof data === 'string') {
    into.add(data);
    const month = monthOfTime(data) ?? MONTH_PREFIX.exec(data)?.[1];
    if (month) into.add(month);
  } else if (data instanceof Date) {
    into.add(
      Temporal.Instant.fromEpochMilliseconds(data.getTime())
        .toZonedDateTimeISO('Asia/Shanghai')
        .toString()
        .slice(0, 7),
    );
  } else if (Array.isArray(data)) {
    for (const item of data) touchedValues(item, into);
  } else if (data && typeof data === 'object') {
    for (const value of Object.values(data)) touchedValues(value, into);
  }
  return into;
}

/** The Beijing month of an ISO date-time with an offset, e.g. 2026-11-30T23:30:00-01:00 → 2026-12. */
function monthOfTime(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  try {
    return Temporal.Instant.from(text).toZonedDateTimeISO('Asia/Shanghai').toString().slice(0, 7);
  } catch {
    return undefined;
  }
}

/** The paths to render, in the order getStaticPaths() gave them. */
export function pathsToRender(
  before: ReadonlyMap<string, string | undefined>,
  after: readonly StaticPath[],
  touched: ReadonlySet<string>,
): string[] {
  return after
    .filter((path) => {
      if (path.cacheKey !== undefined)
        return !before.has(path.pathname) || before.get(path.pathname) !== path.cacheKey;
      return path.params.length === 0 || path.params.some((value) => touched.has(value));
    })
    .map((path) => path.pathname);
}
