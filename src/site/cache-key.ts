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
