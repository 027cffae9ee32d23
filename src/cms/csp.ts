/**
 * What the admin page adds to the site's Content Security Policy (astro.config.mjs), and only there:
 *
 * - `script-src 'unsafe-eval'`: Decap validates its configuration with ajv, which compiles validators with
 *   `new Function`, and instantiates WebAssembly. Scripts still come only from the site itself.
 * - style hashes instead of 'unsafe-inline' (see src/cms/decap-bundle.ts).
 * - `connect-src` for the git backend: decap-server on loopback, or the GitLab/Gitea API and token endpoint.
 * - `img-src` for GitLab/Gitea: users' avatars.
 *
 * Every other page keeps the strict policy.
 */
import { backendOrigins, type CmsBackend } from './backend.ts';
import type { Sha256 } from './decap-bundle.ts';

export interface AdminCsp {
  scriptResources: string[];
  styleHashes: Sha256[];
  directives: (`connect-src ${string}` | `img-src ${string}`)[];
}

export function adminCsp(backend: CmsBackend, styleHashes: readonly Sha256[]): AdminCsp {
  const origins = backendOrigins(backend).join(' ');
  const directives: AdminCsp['directives'] = [`connect-src 'self' ${origins}`];
  if (backend.name !== 'proxy') directives.push(`img-src 'self' ${origins}`);
  return {
    // Resources added to a page replace nothing: 'self' is repeated so that it stays whatever the config says.
    scriptResources: ["'self'", "'unsafe-eval'"],
    styleHashes: [...styleHashes],
    directives,
  };
}
