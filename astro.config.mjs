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

const metrics = buildMetrics();

export default defineConfig({
  // The intranet address, used for absolute links in the RSS feed.
  site: process.env.PORTAL_SITE ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  // Pages are rendered a few at a time: while one waits for its file to be written, another renders.
  // On two cores this cut page generation by a third at 5,000 entries (npm run bench).
  build: { concurrency: 4 },
  // The page cache is checked first and its digests recorded before any other integration touches dist.
  // The fast path keeps the bundle the pages were rendered with (src/fastpath/bundle.ts).
  // The measurements (PORTAL_BUILD_METRICS) come last, so that they are written after every other hook.
  integrations: [pageCache(), mdx(), search(metrics), cms(), media(), keepPrerenderBundle(), metrics],
  // Submissions are rendered by src/markdown (sanitised); Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  server: { host: '127.0.0.1', port: 4321 },
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
