/**
 * Keys for Astro's incremental builds (experimental.incrementalBuild): a page whose key is unchanged since the
 * last build is copied from the cache instead of rendered. A key must therefore cover every piece of data the
 * page shows, and the code that shows it (see sharedKey).
 */
import { createHash, randomUUID } from 'node:crypto';
import { codeFingerprint } from '../build/fingerprint.ts';

/** What a key is made of: entry digests, ids, texts, numbers, and lists or records of them. */
export type KeyPart =
  string | number | boolean | null | undefined | readonly KeyPart[] | { [k: string]: KeyPart };

/** A collection entry as getCollection() returns it: Astro's digest of what the loader stored. */
interface Keyed {
  id: string;
  digest?: string | number;
}

/** A short key for the given parts; the same parts in the same order always give the same key. */
export function cacheKey(...parts: KeyPart[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}

/** What an entry contributes: its digest covers its data, its body and the code that stored them. */
export function entryKey(entry: Keyed | undefined): KeyPart {
  return entry && [entry.id, entry.digest ?? null];
}

/** The project's code as built from the current folder; a fresh value (nothing reused) if it cannot be read. */
function code(): string {
  try {
    return codeFingerprint(process.cwd());
  } catch {
    return randomUUID();
  }
}

/**
 * What every page's key shares: the project's code (Astro hashes a page's own modules, but every page's CSP
 * lists the hashes of all pages' scripts and styles) and the roster, from which pages name people and regions.
 */
export function sharedKey(regions: readonly Keyed[], people: readonly Keyed[]): string {
  return cacheKey(code(), regions.map(entryKey), people.map(entryKey));
}

/** A collection entry as Astro hands it out: replaced in a view's key by what entryKey takes from it. */
function isEntry(value: object): value is Keyed & { collection: string } {
  return 'id' in value && 'collection' in value && 'data' in value && 'digest' in value;
}

/**
 * The key of a page that shows `views`: whatever the page computed to show (counts, rows, statuses, feed
 * events), as plain data. Entries count by their digest, Temporal values by their ISO text, Maps and Sets by
 * their contents. Anything else that JSON would silently drop or flatten (a function, a class instance with
 * no toJSON such as a Map in disguise) is an error rather than a hole in the key.
 */
export function viewKey(shared: string, ...views: unknown[]): string {
  const text = JSON.stringify(views, function (this: unknown, _key, value: unknown) {
    if (value === undefined || value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
        throw new TypeError(`页面的缓存键不能包含 ${typeof value}`);
      return value;
    }
    if (Array.isArray(value)) return value;
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    if (isEntry(value)) return { entry: [value.collection, value.id, value.digest ?? null] };
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null)
      throw new TypeError(
        `页面的缓存键不能包含 ${(value as { constructor?: { name?: string } }).constructor?.name ?? '对象'}`,
      );
    return value;
  });
  return createHash('sha256').update(shared).update('\0').update(text).digest('base64url').slice(0, 32);
}
