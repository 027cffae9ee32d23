// @ts-check
import './scripts/require-node.mjs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import cms from './src/integrations/cms.ts';
import search from './src/integrations/search.ts';

export default defineConfig({
  // The intranet address, used for absolute links in the RSS feed.
  site: process.env.PORTAL_SITE ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  integrations: [mdx(), search(), cms()],
  // Submissions are rendered by src/markdown (sanitised); Shiki's inline styles would also break the CSP.
  markdown: { syntaxHighlight: false },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
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
