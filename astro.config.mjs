// @ts-check
import './scripts/require-node.mjs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import buildMetrics from './src/integrations/build-metrics.ts';
import cms from './src/integrations/cms.ts';
import media from './src/integrations/media.ts';
import pageCache from './src/integrations/page-cache.ts';
import search from './src/integrations/search.ts';
import keepPrerenderBundle from './src/fastpath/bundle.ts';
import storeFile from './src/integrations/store-file.ts';

const metrics = buildMetrics();
const pages = pageCache();

export default defineConfig({
  // The intranet address, used for absolute links in the RSS feed.
  site: process.env.PORTAL_SITE ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  // Pages are rendered a few at a time: while one waits for its file to be written, another renders.
  // On two cores this cut page generation by a third at 5,000 entries (npm run bench).
  build: { concurrency: 4 },
  // The page cache and the output folder are checked first, before any other integration touches dist, and
  // recorded after every integration that writes into dist. The fast path keeps the bundle the pages were
  // rendered with (src/fastpath/bundle.ts), whose content store is read from a file (src/integrations/store-file.ts). The measurements (PORTAL_BUILD_METRICS) come last, so that they
  // are written after every other hook.
  integrations: [
    pages.check,
    mdx(),
    search(metrics),
    cms(),
    media(),
    storeFile(),
    keepPrerenderBundle(),
    pages.record,
    metrics,
  ],
  // Submissions are rendered by src/markdown (sanitised); Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  server: { host: '127.0.0.1', port: 4321 },
  // Built in place: Astro leaves a page whose key is unchanged and whose file is in dist alone instead of
  // emptying dist and copying every page back from its cache (36% and 20% of a no-change rebuild at 20,000
  // entries). src/integrations/dist-state.ts keeps only files that are exactly the last build's, and deletes
  // what this build did not produce.
  vite: { build: { emptyOutDir: false } },
  devToolbar: { enabled: false },
  // Astro's cache (the content store and, below, the pages of the last build). Tests and the benchmark give
  // each build its own, so that no build reuses another's pages.
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
  experimental: {
    // A page whose getStaticPaths() entry carries a cacheKey (src/site/cache-key.ts) and whose code is
    // unchanged is copied from the last build instead of rendered again: a new submission rebuilds in seconds.
    incrementalBuild: true,
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // The search runs pagefind's WebAssembly, which browsers compile only with 'wasm-unsafe-eval'.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
