/**
 * What the loader made of each Markdown file last time, so that a run re-parses and re-validates only the files
 * that changed. Parsing the YAML and validating it is almost the whole cost of a load (thousands of work logs);
 * the cross-file checks are cheap and always run on every file, in src/load/load.ts.
 *
 * One file per content folder, holding for each submission the SHA-1 of its text and what the per-file step
 * produced (its problems, its front matter as written, its valid data and body). The file starts with a line
 * naming the format, the code fingerprint (src/build/fingerprint.ts: any change to the model, the schema or the
 * loader makes every record stale) and the SHA-1 of the rest, so that a file from other code, or a damaged
 * one, is ignored and rebuilt rather than trusted. It is written to a temporary file and renamed: two processes
 * loading at once (the gate's checks and a build) leave one whole file or the other, never a torn one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { fileStamp } from '../build/file-stamp.ts';
import { codeFingerprint } from '../build/fingerprint.ts';
import type { Problem } from './problems.ts';

/** Where a caller keeps its cache, and the fingerprint of the code whose results it holds. */
export interface CacheOptions {
  /** A folder of its own under a cache folder (never content/ or dist/); created when missing. */
  dir: string;
  code: string;
  /**
   * Keep the records in this process from one load to the next and take a file whose stat is unchanged since
   * the last load as it was, without reading it; write nothing back. For the fast path (src/fastpath/), which
   * loads the same folder at every update: reading and hashing every file was most of its load.
   */
  resident?: boolean;
}

/** What the per-file step made of one submission: a pure function of its path and its text, given the code. */
export interface EntryOutcome {
  /** Its own problems, in the order the loader reports them. */
  problems: Problem[];
  /** The front matter as written, once it parsed: the cross-file checks read it whatever else is wrong. */
  front?: { value: unknown };
  /** Present when the file has no problem of its own. */
  entry?: { data: unknown; body: string };
}

interface Stored {
  hash: string;
  outcome: EntryOutcome;
}

const FORMAT = 'portal-content-cache 1';

/** The environment variable that turns the cache off for every caller (`PORTAL_CONTENT_CACHE=0`). */
export const CACHE_ENV = 'PORTAL_CONTENT_CACHE';

/**
 * The cache in `cacheDir` (a cache folder: Astro's, or node_modules/.cache for the command-line tools) for the
 * code of the project at `projectRoot`; undefined when PORTAL_CONTENT_CACHE=0.
 */
export function contentCache(cacheDir: string, projectRoot: string): CacheOptions | undefined {
  if (process.env[CACHE_ENV] === '0') return undefined;
  return { dir: join(cacheDir, 'portal-content'), code: codeFingerprint(projectRoot) };
}

/** This project's folder: the tools below scripts/ run from it, but a path to it must not depend on the cwd. */
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The cache of the command-line tools that are run again and again on the same folder (npm run check:content
 * after every edit, npm run compliance month after month), in node_modules/.cache, which git and npm ignore.
 */
export function toolCache(): { cache?: CacheOptions } {
  const cache = contentCache(join(PROJECT, 'node_modules', '.cache'), PROJECT);
  return cache ? { cache } : {};
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * The outcome as stored. A valid file's data is, as a rule, its front matter as written (the schema neither
 * adds nor converts anything), and then one object serves as both: the serializer writes an object once
 * however often it is referred to, which halves the cache and the time to read it. Only read, never changed.
 */
function compact(outcome: EntryOutcome): EntryOutcome {
  const { front, entry } = outcome;
  if (!front || !entry || front.value === entry.data || !isDeepStrictEqual(front.value, entry.data))
    return outcome;
  return { ...outcome, front: { value: entry.data } };
}

/** The stamp of the file at `path` (src/build/file-stamp.ts); undefined when it must be read. */
function signature(path: string): string | undefined {
  return fileStamp(lstatSync(path, { throwIfNoEntry: false }));
}

/** The resident caches of this process, by cache file and code (CacheOptions.resident). */
const resident = new Map<string, LoadCache>();

/** Has every resident cache of this process read the files at `paths` next time (LoadCache.forget). */
export function forgetResident(paths: readonly string[]): void {
  for (const cache of resident.values()) cache.forget(paths);
}

/** The records of the last run for one content folder, and those of this run, written back by `save()`. */
export class LoadCache {
  private readonly options: CacheOptions;
  /** The cache file: one per content folder, so that loading another tree never evicts this one's records. */
  private readonly path: string;
  private previous: Map<string, Stored>;
  private next = new Map<string, Stored>();
  private changed = false;
  /** Resident only: each file's signature (by its path on disk) when the last run read it, and this run's. */
  private signed = new Map<string, string>();
  private signing = new Map<string, string>();

  constructor(options: CacheOptions, root: string) {
    this.options = options;
    this.path = join(options.dir, `${textHash(resolve(root))}.bin`);
    this.previous = this.read();
  }

  /** The cache for a load of `root`: a new one, or with `resident` the one this process keeps for it. */
  static open(options: CacheOptions, root: string): LoadCache {
    if (!options.resident) return new LoadCache(options, root);
    const key = `${join(options.dir, textHash(resolve(root)))} ${options.code}`;
    const kept = resident.get(key) ?? new LoadCache(options, root);
    resident.set(key, kept);
    return kept;
  }

  /**
   * Resident only: the last run's outcome of `file` (at `path` on disk) when its signature is unchanged since
   * that run read it; else undefined, and the file must be read. The signature is taken before the read, so
   * a write that lands after it is seen by the next run; a file changed too recently to tell has none.
   */
  reuse(file: string, path: string): EntryOutcome | undefined {
    if (!this.options.resident) return undefined;
    const now = signature(path);
    if (now === undefined) return undefined;
    const key = resolve(path);
    this.signing.set(key, now);
    const known = this.previous.get(file);
    if (!known || this.signed.get(key) !== now) return undefined;
    this.next.set(file, known);
    return known.outcome;
  }

  /**
   * Resident only: the next run reads the files at `paths` (on disk) whatever their signatures. For what git
   * says changed: its word is taken over the file system's times.
   */
  forget(paths: Iterable<string>): void {
    for (const path of paths) this.signed.delete(resolve(path));
  }

  /** The stored outcome of `file` when its text is unchanged, else the fresh one from `make`, kept for `save()`. */
  outcome(file: string, text: string, make: () => EntryOutcome): EntryOutcome {
    const hash = textHash(text);
    const known = this.previous.get(file);
    if (known?.hash === hash) {
      this.next.set(file, known);
      return known.outcome;
    }
    const outcome = make();
    this.next.set(file, { hash, outcome: compact(outcome) });
    this.changed = true;
    return outcome;
  }

  /**
   * Writes this run's records when any differ from the last run's (a file new, changed or gone). A cache that
   * cannot be written costs only speed, never a result, so failures are swallowed.
   */
  save(): void {
    if (this.options.resident) {
      // This run's records and signatures are the next run's; the disk is left to the builds.
      [this.previous, this.next, this.changed] = [this.next, new Map(), false];
      [this.signed, this.signing] = [this.signing, new Map()];
      return;
    }
    if (!this.changed && this.next.size === this.previous.size) return;
    const payload = serialize(this.next);
    const header = `${FORMAT} ${this.options.code} ${createHash('sha1').update(payload).digest('hex')}\n`;
    const temp = `${this.path}.${process.pid}.${randomUUID()}.tmp`;
    try {
      mkdirSync(this.options.dir, { recursive: true });
      writeFileSync(temp, Buffer.concat([Buffer.from(header), payload]));
      renameSync(temp, this.path);
    } catch {
      rmSync(temp, { force: true });
    }
  }

  /** The last run's records; none when the file is missing, from other code, damaged or unreadable. */
  private read(): Map<string, Stored> {
    try {
      const bytes = readFileSync(this.path);
      const end = bytes.indexOf(0x0a);
      if (end < 0) return new Map();
      const [name, version, code, digest] = bytes.subarray(0, end).toString('latin1').split(' ');
      if (`${name} ${version}` !== FORMAT || code !== this.options.code) return new Map();
      const payload = bytes.subarray(end + 1);
      if (createHash('sha1').update(payload).digest('hex') !== digest) return new Map();
      const records: unknown = deserialize(payload);
      return records instanceof Map ? (records as Map<string, Stored>) : new Map();
    } catch {
      return new Map();
    }
  }
}
