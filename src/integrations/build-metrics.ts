/**
 * Build measurements as JSON, from Astro's hooks rather than its log text (whose wording may change in any
 * release). When PORTAL_BUILD_METRICS names a file, a finished build writes there:
 *
 * - phases: when each phase started and ended, in epoch milliseconds (performance.timeOrigin + now), so
 *   that the benchmark can line them up with the memory samples it takes in another process;
 *   - sync: `astro:config:done` to `astro:build:start`, the step in which Astro syncs the content layer
 *     (our loaders in src/integrations/content-loader.ts) and generates its types;
 *   - pages: the prerenderer's setup to its teardown, the whole of page generation;
 *   - searchIndex: the search integration's `astro:build:done`;
 * - pages: which paths Astro rendered and which it copied from its incremental cache. Astro 7.3.5 tells
 *   neither to integrations, but it lets one wrap its prerenderer (`setPrerenderer` in `astro:build:start`)
 *   and calls `render` only for pages it does not restore (generatePathWithPrerenderer in
 *   node_modules/astro/dist/core/build/generate.js): every path of getStaticPaths() that never reaches
 *   `render` was reused.
 * - searchIndexes: per index, its pages and whether it was reused.
 *
 * Register it last, so that its `astro:build:done` runs after every other integration's.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { AstroIntegration, AstroPrerenderer } from 'astro';

export type Phase = 'sync' | 'pages' | 'searchIndex';

/** When a phase ran, in epoch milliseconds. */
export interface Window {
  start: number;
  end: number;
}

export interface SearchIndexMetrics {
  /** The index's site path, e.g. /pagefind/. */
  index: string;
  pages: number;
  reused: boolean;
}

export interface BuildMetrics {
  phases: Partial<Record<Phase, Window>>;
  pages: { rendered: string[]; reused: string[] };
  searchIndexes: SearchIndexMetrics[];
}

/** What other integrations report to the measurements. */
export interface MetricsRecorder {
  phase(phase: Phase, window: Window): void;
  searchIndex(index: SearchIndexMetrics): void;
}

/** Now, in epoch milliseconds with sub-millisecond precision, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();

/** A path without its trailing slash, decoded: render() sees the URL of a path, getStaticPaths() its name. */
const pathKey = (path: string) => decodeURI(path).replace(/(.)\/$/, '$1');

/** Wraps Astro's prerenderer to time page generation and note each path it renders. */
export function measuredPrerenderer(inner: AstroPrerenderer, metrics: BuildMetrics): AstroPrerenderer {
  const all: string[] = [];
  const rendered = new Set<string>();
  return {
    ...inner,
    name: `${inner.name}+portal-metrics`,
    setup: async () => {
      metrics.phases.pages = { start: now(), end: now() };
      await inner.setup?.();
    },
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      all.push(...paths.map((p) => p.pathname));
      return paths;
    },
    render: (request, options) => {
      rendered.add(pathKey(new URL(request.url).pathname));
      return inner.render(request, options);
    },
    teardown: async () => {
      await inner.teardown?.();
      if (metrics.phases.pages) metrics.phases.pages.end = now();
      metrics.pages.rendered = all.filter((p) => rendered.has(pathKey(p)));
      metrics.pages.reused = all.filter((p) => !rendered.has(pathKey(p)));
    },
  };
}

export default function buildMetrics(): AstroIntegration & MetricsRecorder {
  const file = process.env.PORTAL_BUILD_METRICS ? resolve(process.env.PORTAL_BUILD_METRICS) : undefined;
  const metrics: BuildMetrics = { phases: {}, pages: { rendered: [], reused: [] }, searchIndexes: [] };
  return {
    name: 'portal-build-metrics',
    phase: (phase, window) => {
      metrics.phases[phase] = window;
    },
    searchIndex: (index) => {
      metrics.searchIndexes.push(index);
    },
    hooks: {
      'astro:config:done': async () => {
        // A failed build must not leave the last build's numbers behind.
        if (file) await rm(file, { force: true });
        metrics.phases.sync = { start: now(), end: now() };
      },
      'astro:build:start': ({ setPrerenderer }) => {
        if (metrics.phases.sync) metrics.phases.sync.end = now();
        setPrerenderer((inner) => measuredPrerenderer(inner, metrics));
      },
      'astro:build:done': async () => {
        if (!file) return;
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, `${JSON.stringify(metrics, null, 2)}\n`);
      },
    },
  };
}
