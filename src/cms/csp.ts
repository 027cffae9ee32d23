/**
 * What the admin page adds to the site's Content Security Policy (astro.config.mjs), and only there:
 *
 * - `script-src 'unsafe-eval'`: Decap validates its configuration with ajv, which compiles validators with
 *   `new Function`, and instantiates WebAssembly. Scripts still come only from the site itself.
 * - style hashes instead of 'unsafe-inline' (see src/cms/decap-bundle.ts).
 * - `blob:` for images and fetches: Decap shows a picked or loaded image through an object URL of the file
 *   in memory, and reads it back with `fetch(blobUrl)` when it sends it to the gate. A blob: URL holds only
 *   what this page itself made; no other origin is added.
 *
 * The gate answers on the site's own origin. Every other page keeps the strict policy.
 */
import type { Sha256 } from './decap-bundle.ts';

export interface AdminCsp {
  scriptResources: string[];
  styleHashes: Sha256[];
  /** Added to the site's directives of the same name (Astro merges their sources). */
  directives: `${'img-src' | 'connect-src'} ${string}`[];
}

export function adminCsp(styleHashes: readonly Sha256[]): AdminCsp {
  return {
    // Resources added to a page replace nothing: 'self' is repeated so that it stays whatever the config says.
    scriptResources: ["'self'", "'unsafe-eval'"],
    styleHashes: [...styleHashes],
    directives: ["img-src 'self' blob:", "connect-src 'self' blob:"],
  };
}
