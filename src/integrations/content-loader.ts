/**
 * The Astro side of src/load: one content loader per collection, all fed by a single validated read of
 * content/. When anything is wrong the build stops with the same report as `npm run check:content`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { codeFingerprint } from '../build/fingerprint.ts';
import { contentCache, forgetResident } from '../load/cache.ts';
import { loadContent, type Content, type LoadResult } from '../load/load.ts';
import { formatProblems } from '../load/problems.ts';
import { renderSubmission } from '../markdown/render.ts';
import { imageSizes } from './media.ts';

/** content/ of the project, or the folder named by PORTAL_CONTENT_DIR (tests and benchmarks build other trees). */
export function contentRoot(projectRoot: URL): string {
  const override = process.env.PORTAL_CONTENT_DIR;
  return override ? resolve(override) : fileURLToPath(new URL('content/', projectRoot));
}

let cache: { root: string; result: LoadResult } | undefined;
/** Whether the loader cache stays in this process between reads (src/load/cache.ts CacheOptions.resident). */
let resident = false;

type Config = Pick<LoaderContext['config'], 'root' | 'cacheDir'>;

/** A read of content/ (or PORTAL_CONTENT_DIR) through the loader cache of the build's cache folder. */
function read(config: Config): LoadResult {
  // Builds and npm start's rebuilds load the same folder again and again: unchanged files are not parsed
  // and validated again (src/load/cache.ts). The records live in Astro's cache folder, beside the content
  // store, so a build given a cache folder of its own (tests, the benchmark) starts cold.
  const options = contentCache(fileURLToPath(config.cacheDir), fileURLToPath(config.root));
  return loadContent(contentRoot(config.root), options ? { cache: { ...options, resident } } : {});
}

/** One read per build, shared by every collection; dropped when a content file changes in dev (see below). */
function load(context: LoaderContext): Content {
  const root = contentRoot(context.config.root);
  if (cache?.root !== root) cache = { root, result: read(context.config) };
  const { content, problems } = cache.result;
  if (problems.length > 0) {
    const error = new Error(formatProblems(problems));
    error.name = 'ContentValidationError';
    // The report says everything; a stack trace into the loader would only bury it.
    error.stack = error.message;
    throw error;
  }
  return content;
}

/**
 * Forgets the shared read of content/, so that the next collection to load reads it again (unchanged files
 * still come from the loader cache, except `changed`: absolute paths of files to read whatever their times
 * say). The fast path (src/fastpath/) calls it before each update.
 */
export function forgetLoadedContent(changed: readonly string[] = []): void {
  cache = undefined;
  forgetResident(changed);
}

/**
 * From now on keeps the loader cache in this process from one read of content/ to the next, trusting files
 * whose stat is unchanged (src/load/cache.ts), and reads content/ into it once now, filling no store: the fast
 * path's warm-up, so that its first update reads only the files that changed since. Not for builds, which
 * read content/ once.
 */
export function keepLoaderCacheResident(config: Config): void {
  resident = true;
  read(config);
}

/** Astro collections: one per collection of content/, and calendar.yaml's three lists each as its own. */
type Name = Exclude<keyof Content, 'calendar'> | 'calendar' | 'holidays' | 'workdays';

const CALENDAR_FILE = 'content/org/calendar.yaml';

function records(content: Content, name: Name): { id: string; data: object; body?: string; file: string }[] {
  switch (name) {
    case 'regions':
      return content.regions.map((r) => ({ id: r.id, data: r, file: 'content/org/regions.yaml' }));
    case 'people':
      return content.people.map((p) => ({ id: p.id, data: p, file: 'content/org/people.yaml' }));
    case 'calendar':
      return content.calendar.meetings.map((m) => ({
        id: `${m.kind}-${m.period}`,
        data: m,
        file: CALENDAR_FILE,
      }));
    case 'holidays':
      return content.calendar.holidays.map((h) => ({
        id: `${h.from}-${h.to}`,
        data: h,
        file: CALENDAR_FILE,
      }));
    case 'workdays':
      return content.calendar.workdays.map((w) => ({ id: w.date, data: w, file: CALENDAR_FILE }));
    default:
      return content[name];
  }
}

/**
 * Fills one collection's store from the shared read of content/. Astro keeps the store from the last build
 * (in its cache folder); an entry whose digest is unchanged is taken over as it was, neither validated nor
 * rendered again. The digest includes the fingerprint of the project's code (src/build/fingerprint.ts):
 * Astro itself only watches the text of src/content.config.ts, not the schema and renderer it uses. Entries
 * are set afresh in content order, so the collection reads the same as in a build from scratch.
 */
async function fill(name: Name, context: LoaderContext): Promise<void> {
  const content = load(context);
  const code = codeFingerprint(fileURLToPath(context.config.root));
  const sizes = imageSizes(contentRoot(context.config.root));
  const previous = new Map(context.store.entries());
  context.store.clear();
  for (const record of records(content, name)) {
    const digest = digestOf(record, code, context);
    const known = previous.get(record.id);
    if (known?.digest === digest) {
      context.store.set(known);
      continue;
    }
    const data = await context.parseData({ id: record.id, data: { ...record.data } });
    context.store.set({
      id: record.id,
      data,
      digest,
      filePath: record.file,
      ...(record.body === undefined
        ? {}
        : { body: record.body, rendered: { html: renderSubmission(record.body, sizes) } }),
    });
  }
}

/**
 * Each record's digest, kept with the record's data object: a resident loader cache (the fast path) hands out
 * the same data object while its file is unchanged, so the digest of an unchanged entry is not computed again.
 */
const digests = new WeakMap<object, { body: string; code: string; digest: string }>();

function digestOf(record: { data: object; body?: string }, code: string, context: LoaderContext): string {
  const body = record.body ?? '';
  const known = digests.get(record.data);
  if (known?.body === body && known.code === code) return known.digest;
  const digest = context.generateDigest({ data: record.data, body, code });
  digests.set(record.data, { body, code, digest });
  return digest;
}

/** Collections already listening to the dev watcher: Astro may call `load` again on the same watcher. */
const watching = new WeakMap<object, Set<Name>>();

export function portalLoader(name: Name): Loader {
  return {
    name: `portal-${name}`,
    async load(context) {
      await fill(name, context);
      const { watcher } = context;
      if (!watcher) return;
      const names = watching.get(watcher) ?? new Set<Name>();
      if (names.has(name)) return;
      names.add(name);
      watching.set(watcher, names);
      // In dev (npm run dev) a submission published through the CMS shows up without a restart. A broken file
      // is reported and the last good content stays on screen, rather than the dev server stopping.
      const root = contentRoot(context.config.root);
      watcher.add(root);
      watcher.on('all', (_event, path) => {
        if (!path.startsWith(root)) return;
        cache = undefined;
        fill(name, context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}
