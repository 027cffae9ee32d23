/**
 * The code a build is made with, as one digest. Part of every cache key the portal sets (content store
 * entries, page cache keys, search index keys): when any of it changes, nothing is reused, so a rebuild can
 * never differ from a build from scratch. Content changes daily and code seldom, so reusing across code
 * changes would buy little and risk stale pages: Astro's CSP meta, for one, lists the hashes of every page's
 * scripts and styles on every page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Besides src/: the Astro config, and the lockfile, which pins every package down to the transitive ones.
 * Tooling that no page is built with lives outside src/ (tools/: the sample generator, the benchmark; test
 * fixtures under test/support/), so that editing a sample phrase does not throw away every build cache.
 */
const ROOT_FILES = ['astro.config.mjs', 'package-lock.json'];

const memo = new Map<string, string>();

/** Every non-test file below src/ and the root files, in a fixed order, as paths relative to `root`. */
export function codeFiles(root: string): string[] {
  const src = join(root, 'src');
  const below = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/\.test\.ts$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  return [...below, ...ROOT_FILES.filter((f) => existsSync(join(root, f)))].sort();
}

/** The digest of the project's code at `root` (the folder holding src/), read once per process. */
export function codeFingerprint(root: string): string {
  const known = memo.get(root);
  if (known) return known;
  const hash = createHash('sha256');
  for (const file of codeFiles(root)) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  const digest = hash.digest('hex');
  memo.set(root, digest);
  return digest;
}
