/**
 * The fast path's resident process (started by src/fastpath/index.ts; one per kept bundle).
 *
 * Why this design (issue 14): the page must be byte for byte what the full build writes. Three ways were
 * weighed against Astro 7.3.5:
 * - a resident `astro dev`-style Vite server renders with dev-mode styles (inline, unhashed), dev scripts and
 *   no per-page CSP hashes: its output would have to be patched to look built, and never provably equal;
 * - `experimental_AstroContainer` renders components without the doctype, CSP, styles and stylesheet links
 *   (measured in the issue), the same patching problem;
 * - the bundle the static build itself rendered with (src/fastpath/bundle.ts keeps it) carries the compiled
 *   pages, the manifest with the CSP hashes and each route's styles, and the content store. Imported here and
 *   driven through Astro's own renderPath(), it renders every page of the sample byte-identical to the
 *   build (test/fastpath.test.ts). Its store is a Map this process adopts (bundle.ts STORE_HOOK) and updates
 *   with the project's own loaders (src/collections.ts), as Astro's content layer would, so getCollection()
 *   in the bundle sees the new entries.
 *
 * Two things the bundle needs from the build are not in it: the build's `internals` (each route's styles) and
 * `settings.scripts`. Both are rebuilt from the manifest, which the build wrote from the same data
 * (plugin-manifest.js: the same cssOrder/mergeInlineCss over the same page data).
 *
 * Messages: an UpdateMessage (worker-options.ts) → { type: 'done', id, result } or { type: 'error', id, message };
 * after warm-up it sends { type: 'ready', ms } (or { type: 'failed', message } and exits).
 */
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { Temporal } from 'temporal-polyfill';
import { collectionSources } from '../collections.ts';
import { forgetLoadedContent, keepLoaderCacheResident } from '../integrations/content-loader.ts';
import { nextBuild } from '../site/per-build.ts';
import { astroInternals, type BuildApp, type Manifest, type RouteData } from './astro-internals.ts';
import { keptBundle, STORE_HOOK } from './bundle.ts';
import { pathsToRender, touchedValues, type StaticPath } from './select.ts';
import {
  OPTIONS_VARIABLE,
  type UpdateMessage,
  type UpdateResult,
  type WorkerOptions,
} from './worker-options.ts';
import { SearchShards } from './shards.ts';
import { pagesRecord, type Page } from '../integrations/search-cache.ts';
import { codeFingerprint } from '../build/fingerprint.ts';
import { writeAtomically } from './write.ts';

type Entry = { id: string; digest?: string; data: unknown };
type Listed = StaticPath & { route: RouteData };
type Store = Map<string, Map<string, Entry>>;

/** Astro renders four pages at a time in our build (astro.config.mjs build.concurrency); so does the fast path. */
const CONCURRENCY = 4;

const collate = new Intl.Collator().compare;

/** The routes whose pages each show one entry (and carry a cacheKey). */
const ENTRY_ROUTES = new Set(['/articles/[id]', '/meetings/[id]', '/manage/reports/[id]']);

/**
 * The routes computed by the compliance rules over all content (src/pages/manage/compliance/_source.ts and
 * the sources built on it): listing their paths takes seconds at 20,000 entries, as each path's key is made
 * from what its page shows.
 */
const RULES_ROUTES = /^\/(?:calendar|timeliness|manage\/(?:compliance|activity))(?:\/|$)/;

/**
 * The order in which an update writes: first the entries' own pages (what the submitter looks for, and what
 * search finds), then the pages staff read it on (home, lists, the month's issue, its region), then the
 * compliance pages, downloads and calendars. The last stage lists every route.
 */
const STAGES: { name: string; routes?: (route: RouteData) => boolean }[] = [
  { name: 'entries', routes: (route) => ENTRY_ROUTES.has(route.route) },
  { name: 'lists', routes: (route) => !RULES_ROUTES.test(route.route) },
  { name: 'rules' },
];

const options = JSON.parse(process.env[OPTIONS_VARIABLE] ?? '{}') as WorkerOptions;
process.env.PORTAL_CONTENT_DIR = options.contentDir;
const send = (message: unknown) => process.send?.(message);

/** The build's internals and options, as far as rendering reads them (core/build/environment.js). */
function buildContext(manifest: Manifest) {
  const pagesByKeys = new Map<string, { styles: unknown[] }>();
  for (const { routeData, styles } of manifest.routes) {
    // Distinct orders keep the manifest's (already sorted and merged) order through cssOrder's sort.
    pagesByKeys.set(`${routeData.route}&${routeData.component}`, {
      styles: styles.map((sheet, order) => ({ depth: 0, order, sheet })),
    });
  }
  const scripts = manifest.routes[0]?.scripts ?? [];
  if (scripts.some((s) => s.stage !== 'head-inline'))
    throw new Error('快速发布通道不支持页面脚本（stage: page）');
  const logged = (message: { level: string; message: string }) => {
    if (message.level === 'error' || message.level === 'warn') process.stderr.write(`${message.message}\n`);
    return true;
  };
  return {
    internals: { pagesByKeys, entrySpecifierToBundleMap: new Map() },
    options: {
      settings: { scripts: scripts.map((s) => ({ stage: s.stage, content: s.children })) },
      logger: { options: { destination: { write: logged } } },
    },
  };
}

async function warmUp() {
  const started = performance.now();
  const astro = await astroInternals(options.root);
  const kept = await keptBundle(options.cacheDir);
  if (!kept) throw new Error(`缓存目录 ${options.cacheDir} 里还没有构建留下的预渲染产物`);
  let store: Store | undefined;
  (globalThis as Record<symbol, unknown>)[Symbol.for(STORE_HOOK)] = (flat: unknown) =>
    (store = astro.devalue.unflatten(flat) as Store);
  const { app, manifest } = (await import(pathToFileURL(kept.entry).href)) as {
    app: BuildApp;
    manifest: Manifest;
  };
  const context = buildContext(manifest);
  app.setInternals(context.internals);
  app.setOptions(context.options);

  /**
   * Every path of the prerendered routes (all, or those `only` keeps), as the build lists them (StaticPaths),
   * first one of a name wins. Each route's getStaticPaths() result stays in the app's route cache until the
   * next update clears it, so listing the entry routes first and then all costs no more than listing all.
   */
  async function staticPaths(only?: (route: RouteData) => boolean): Promise<Listed[]> {
    const source = only
      ? {
          manifest: { ...app.manifest, routes: app.manifest.routes.filter((r) => only(r.routeData)) },
          routeCache: app.routeCache,
          getComponentByRoute: (route: RouteData) => app.getComponentByRoute(route),
        }
      : app;
    const all = await new astro.StaticPaths(source).getAll();
    const seen = new Set<string>();
    const paths: Listed[] = [];
    for (const { pathname, route, cacheKey } of all) {
      const name = pathname.replace(/(.)\/$/, '$1');
      if (seen.has(name)) continue;
      seen.add(name);
      const match = route.pattern.exec(pathname) ?? route.pattern.exec(`${pathname}/`);
      const params = (match?.slice(1) ?? []).filter((p): p is string => p !== undefined);
      paths.push({ pathname, route, cacheKey, params });
    }
    return paths;
  }

  // Loads the content store and every page module now, not on the first update; also the starting keys.
  app.routeCache.clearAll();
  let known = new Map((await staticPaths()).map((p) => [p.pathname, p.cacheKey]));
  if (!store) throw new Error('预渲染产物没有读取内容存储');
  const content = store;
  const mutable = await astro.MutableDataStore.fromMap(content as Map<string, Map<string, unknown>>);
  const { h64ToString } = await astro.xxhash();
  const config = {
    root: pathToFileURL(`${options.root}/`),
    cacheDir: pathToFileURL(`${options.cacheDir}/`),
  };
  keepLoaderCacheResident(config);
  // What the builds' search phase read of each page (the same code: this process runs their bundle's).
  const record = pagesRecord(options.cacheDir, codeFingerprint(options.root));
  let search = options.siteDir ? await SearchShards.read(options.siteDir, record) : undefined;
  const logger = { error: (m: string) => process.stderr.write(`${m}\n`), warn: () => {}, info: () => {} };
  const loaders = Object.entries(collectionSources).map(([name, { loader, schema }]) => ({
    name,
    loader,
    context: {
      collection: name,
      store: mutable.scopedStore(name),
      meta: mutable.metaStore(name),
      logger,
      config,
      // As Astro's content layer (content-layer.js → getEntryData): the schema's output is the entry's data.
      parseData: async ({ id, data }: { id: string; data: unknown }) => {
        const parsed = await schema.safeParseAsync(data);
        if (!parsed.success) throw new Error(`${name}/${id}：${parsed.error.message}`);
        return parsed.data;
      },
      generateDigest: (data: unknown) => h64ToString(typeof data === 'string' ? data : JSON.stringify(data)),
    } as unknown as LoaderContext,
  }));

  async function update(siteDir: string, now: string, files: readonly string[]): Promise<UpdateResult> {
    const t0 = performance.now();
    process.env.PORTAL_NOW = now;
    // A new build for every per-build value of the pages (src/site/per-build.ts): "now", the rules' index.
    nextBuild();
    const before = new Map([...content].map(([name, entries]) => [name, new Map(entries)]));
    forgetLoadedContent(files);
    for (const { loader, context: loaderContext } of loaders) await loader.load(loaderContext);
    // The build's pages read the store as Astro wrote it: collections and entries sorted by key with
    // localeCompare (data-store-writer.js sortCollections), not in the order the loaders set them. The same
    // order as a collator's (ECMA-402: localeCompare is a default Collator's compare), made once, not per call.
    const byKey = <T>([a]: [string, T], [b]: [string, T]) => collate(a, b);
    const sorted = [...content].sort(byKey);
    content.clear();
    for (const [name, entries] of sorted) content.set(name, new Map([...entries].sort(byKey)));
    // What changed, and the values (months, regions, people, ids) that pages of changed entries are named by.
    const touched = new Set<string>();
    const changed: string[] = [];
    for (const [name, entries] of content) {
      const old = before.get(name) ?? new Map<string, Entry>();
      for (const [id, entry] of entries) {
        const previous = old.get(id);
        if (previous && previous.digest === entry.digest) continue;
        // The build's pages read the store after a devalue round trip (data-store.json, then the bundle's
        // JSON): a new entry takes the same trip, so that it is the same value the build renders.
        entries.set(id, astro.devalue.parse(astro.devalue.stringify(entry)) as Entry);
        touched.add(id);
        changed.push(`${name}/${id}`);
        touchedValues(entry.data, touched);
        if (previous) touchedValues(previous.data, touched);
      }
      for (const [id, previous] of old) {
        if (entries.has(id)) continue;
        changed.push(`${name}/${id}`);
        touchedValues(previous.data, touched.add(id));
      }
    }
    const t1 = performance.now();
    const renderOptions = {
      settings: {
        buildOutput: 'static',
        config: {
          base: manifest.base,
          trailingSlash: manifest.trailingSlash,
          build: { format: manifest.buildFormat },
          outDir: pathToFileURL(`${siteDir}/`),
          publicDir: new URL(manifest.publicDir),
          site: manifest.site,
          compressHTML: manifest.compressHTML ?? true,
        },
      },
      origin: manifest.site ? new URL(manifest.site).origin : 'http://localhost:4321',
      routesList: { routes: [] },
    };
    const prerenderer = {
      render: (request: Request, { routeData }: { routeData: RouteData }) =>
        astro.renderForPrerender(app, request, { routeData }),
    };
    if (search?.site !== siteDir) search = await SearchShards.read(siteDir, record);
    const searchIndex = search;
    const written: string[] = [];
    /** Renders and writes `pages`, four at a time; returns the searchable ones whose indexed text changed. */
    const renderAll = async (pages: Listed[]) => {
      const queue = [...pages];
      const reindex: Page[] = [];
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const result = await astro.renderPath({
            prerenderer,
            pathname: next.pathname,
            route: next.route,
            options: renderOptions,
            routeToHeaders: new Map(),
            logger: app.logger,
            collectMetadata: false,
          });
          next.route.distURL = [];
          if (!result) continue;
          const body = typeof result.body === 'string' ? Buffer.from(result.body) : result.body;
          const file = fileURLToPath(result.outFile);
          if (file.endsWith('.html')) {
            const page = await searchIndex.change(file, Buffer.from(body).toString('utf8'));
            if (page) reindex.push(page);
          }
          await writeAtomically(file, body);
          written.push(next.pathname);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return reindex;
    };
    const instant = Temporal.Instant.from(now);
    // Stage by stage (STAGES): each lists its routes' paths, renders and writes the chosen ones not written
    // yet, and indexes the search shards of those that changed, before the next begins. One after the other,
    // not side by side: listing paths is seconds of work without a pause, which would hold up the writes and
    // the talk with pagefind's process. Listing a route again in a later stage costs nothing (route cache).
    app.routeCache.clearAll();
    const shards = new Set<string>();
    const done = new Set<string>();
    const stages: UpdateResult['stages'] = [];
    let paths: Listed[] = [];
    for (const { name, routes } of STAGES) {
      const start = performance.now();
      paths = await staticPaths(routes);
      const chosen = pathsToRender(known, paths, touched).filter((p) => !done.has(p));
      for (const p of chosen) done.add(p);
      const listed = performance.now();
      const wanted = new Set(chosen);
      const before = written.length;
      const searchable = await renderAll(paths.filter((p) => wanted.has(p.pathname)));
      const rendered = performance.now();
      for (const shard of await searchIndex.reindex(searchable, instant)) shards.add(shard);
      const end = performance.now();
      stages.push({
        name,
        pages: written.slice(before),
        paths: Math.round(listed - start),
        render: Math.round(rendered - listed),
        search: Math.round(end - rendered),
        at: Math.round(end - t0),
      });
    }
    // The last stage lists every route: the keys the next update compares with.
    known = new Map(paths.map((p) => [p.pathname, p.cacheKey]));
    const order = new Map(paths.map((p, i) => [p.pathname, i]));
    return {
      entries: changed,
      pages: written.sort((a, b) => order.get(a)! - order.get(b)!),
      shards: [...shards],
      ms: Math.round(performance.now() - t0),
      load: Math.round(t1 - t0),
      stages,
    };
  }

  return { update, ms: Math.round(performance.now() - started) };
}

try {
  const fastPath = await warmUp();
  let queue = Promise.resolve();
  process.on('message', (message: UpdateMessage) => {
    if (message.type !== 'update') return;
    // One update at a time: each starts from the store the last one left.
    queue = queue.then(async () => {
      try {
        send({
          type: 'done',
          id: message.id,
          result: await fastPath.update(message.siteDir, message.now, message.files),
        });
      } catch (error) {
        // The store may be half updated: this process is done; the next start warms up afresh.
        send({ type: 'error', id: message.id, message: (error as Error).message });
        process.exit(1);
      }
    });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', ms: fastPath.ms });
} catch (error) {
  send({ type: 'failed', message: (error as Error).message });
  process.exit(1);
}
