import { describe, expect, it } from 'vitest';
import { CmsConfigError, GATE_API_URL, cmsBackend } from './backend.ts';
import { adminCsp } from './csp.ts';

describe('the CMS backend variables', () => {
  it('is off unless PORTAL_CMS_BACKEND is set', () => {
    expect(cmsBackend({})).toBeUndefined();
    expect(cmsBackend({ PORTAL_CMS_BACKEND: ' ' })).toBeUndefined();
  });

  it('talks to the gate on the site’s own origin, with the branch it publishes to', () => {
    expect(cmsBackend({ PORTAL_CMS_BACKEND: 'gate' })).toEqual({
      name: 'proxy',
      proxy_url: GATE_API_URL,
      branch: 'main',
    });
    expect(GATE_API_URL.startsWith('/')).toBe(true);
    expect(cmsBackend({ PORTAL_CMS_BACKEND: 'local', PORTAL_CMS_BRANCH: 'master' })).toMatchObject({
      proxy_url: GATE_API_URL,
      branch: 'master',
    });
  });

  it('refuses the retired direct git backends and unknown ones, in Chinese', () => {
    for (const kind of ['gitlab', 'gitea', 'forgejo']) {
      expect(() => cmsBackend({ PORTAL_CMS_BACKEND: kind })).toThrow(CmsConfigError);
      expect(() => cmsBackend({ PORTAL_CMS_BACKEND: kind })).toThrow('已停用');
    }
    expect(() => cmsBackend({ PORTAL_CMS_BACKEND: 'github' })).toThrow('应为 gate');
  });
});

describe('the admin page CSP', () => {
  it('adds eval and the style hashes, never inline script and never another origin', () => {
    const csp = adminCsp(['sha256-x']);
    expect(csp).toMatchObject({ scriptResources: ["'self'", "'unsafe-eval'"], styleHashes: ['sha256-x'] });
    // Object URLs of the images being uploaded, and nothing from elsewhere.
    expect(csp.directives).toEqual(["img-src 'self' blob:", "connect-src 'self' blob:"]);
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|https?:/);
  });
});
