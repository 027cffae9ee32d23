/**
 * The few Astro 7.3.5 internals the fast path renders with, in one place. They are the very functions the
 * static build calls (node_modules/astro/dist/core/build/generate.js and the modules it imports), so a page
 * the fast path renders is made exactly as the build makes it. Astro's package exports do not list them:
 * they are imported by file from the installed package. The versions are pinned by package-lock.json, and
 * test/fastpath.test.ts fails if an upgrade changes what they produce.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Route data as the bundle's manifest holds it (the parts used here). */
export interface RouteData {
  route: string;
  component: string;
  type: string;
  pattern: RegExp;
  params: string[];
  pathname?: string;
  prerender: boolean;
  distURL?: URL[];
}

export interface StaticPathItem {
  pathname: string;
  route: RouteData;
  cacheKey?: string;
}

/** The bundle's app: a BuildApp (core/build/app.js). */
export interface BuildApp {
  manifest: Manifest;
  logger: unknown;
  routeCache: { clearAll(): void };
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  getComponentByRoute(route: RouteData): Promise<unknown>;
}

export interface Manifest {
  routes: {
    routeData: RouteData;
    styles: unknown[];
    scripts: { stage?: string; children?: string; type?: string }[];
  }[];
  site?: string;
  base: string;
  trailingSlash: string;
  buildFormat: string;
  publicDir: string;
  compressHTML?: boolean;
}

export interface AstroInternals {
  StaticPaths: new (app: unknown) => { getAll(): Promise<StaticPathItem[]> };
  renderPath(args: unknown): Promise<{ body: Uint8Array | string; outFile: URL } | null>;
  renderForPrerender(
    app: BuildApp,
    request: Request,
    options: { routeData: RouteData },
  ): Promise<{ response: Response }>;
  MutableDataStore: { fromMap(map: Map<string, Map<string, unknown>>): Promise<MutableStore> };
  devalue: {
    stringify(value: unknown): string;
    parse(text: string): unknown;
    unflatten(value: unknown): unknown;
  };
  xxhash(): Promise<{ h64ToString(text: string): string }>;
}

export interface MutableStore {
  scopedStore(collection: string): unknown;
  metaStore(collection: string): unknown;
}

export async function astroInternals(root: string): Promise<AstroInternals> {
  const require = createRequire(join(root, 'package.json'));
  const astro = dirname(require.resolve('astro/package.json'));
  const from = (path: string) => import(pathToFileURL(join(astro, 'dist', path)).href);
  // Astro's own dependencies, resolved as Astro resolves them.
  const astroRequire = createRequire(join(astro, 'package.json'));
  const load = (name: string) => import(pathToFileURL(astroRequire.resolve(name)).href);
  const [staticPaths, generate, prerender, store, devalue, xxhash] = await Promise.all([
    from('runtime/prerender/static-paths.js'),
    from('core/build/generate.js'),
    from('core/app/prerender.js'),
    from('content/mutable-data-store.js'),
    load('devalue'),
    load('xxhash-wasm'),
  ]);
  return {
    StaticPaths: staticPaths.StaticPaths,
    renderPath: generate.renderPath,
    renderForPrerender: prerender.renderForPrerender,
    MutableDataStore: store.MutableDataStore,
    devalue,
    xxhash: xxhash.default,
  };
}
