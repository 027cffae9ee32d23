/**
 * What the admin page adds to the site's Content Security Policy (astro.config.mjs), and only there:
 *
 * - `script-src 'unsafe-eval'`: Decap validates its configuration with ajv, which compiles validators with
 *   `new Function`, and instantiates WebAssembly. Scripts still come only from the site itself.
 * - style hashes instead of 'unsafe-inline' (see src/cms/decap-bundle.ts).
 *
 * The gate answers on the site's own origin, so `connect-src 'self'` stays as it is. Every other page keeps
 * the strict policy.
 */
import type { Sha256 } from './decap-bundle.ts';

export interface AdminCsp {
  scriptResources: string[];
  styleHashes: Sha256[];
}

export function adminCsp(styleHashes: readonly Sha256[]): AdminCsp {
  return {
    // Resources added to a page replace nothing: 'self' is repeated so that it stays whatever the config says.
    scriptResources: ["'self'", "'unsafe-eval'"],
    styleHashes: [...styleHashes],
  };
}
