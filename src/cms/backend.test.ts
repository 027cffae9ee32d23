import { describe, expect, it } from 'vitest';
import {
  CmsConfigError,
  DEFAULT_PROXY_URL,
  backendOrigins,
  cmsBackend,
  editorialWorkflow,
} from './backend.ts';
import { adminCsp } from './csp.ts';

describe('the CMS backend of a build', () => {
  it('is off unless PORTAL_CMS_BACKEND is set: a production build never gets the local one by accident', () => {
    expect(cmsBackend({})).toBeUndefined();
    expect(cmsBackend({ PORTAL_CMS_BACKEND: ' ' })).toBeUndefined();
  });

  it('is decap-server on loopback for local', () => {
    expect(cmsBackend({ PORTAL_CMS_BACKEND: 'local' })).toEqual({
      name: 'proxy',
      proxy_url: DEFAULT_PROXY_URL,
      branch: 'main',
    });
    expect(DEFAULT_PROXY_URL).toBe('http://127.0.0.1:8081/api/v1');
  });

  it('refuses a local backend beyond loopback: decap-server has no login', () => {
    expect(() =>
      cmsBackend({ PORTAL_CMS_BACKEND: 'local', PORTAL_CMS_PROXY_URL: 'http://192.0.2.2:8081/api/v1' }),
    ).toThrow(/只能在本机/);
  });

  it('is self-hosted GitLab with PKCE', () => {
    const backend = cmsBackend({
      PORTAL_CMS_BACKEND: 'gitlab',
      PORTAL_CMS_BASE_URL: 'https://git.intranet/',
      PORTAL_CMS_REPO: 'sales/portal',
      PORTAL_CMS_APP_ID: 'abc123',
      PORTAL_CMS_BRANCH: 'master',
    });
    expect(backend).toEqual({
      name: 'gitlab',
      repo: 'sales/portal',
      branch: 'master',
      auth_type: 'pkce',
      app_id: 'abc123',
      base_url: 'https://git.intranet',
      api_root: 'https://git.intranet/api/v4',
      auth_endpoint: 'oauth/authorize',
    });
    expect(backendOrigins(backend!)).toEqual(['https://git.intranet']);
  });

  it('is Gitea, with an API root of its own if given', () => {
    const backend = cmsBackend({
      PORTAL_CMS_BACKEND: 'gitea',
      PORTAL_CMS_BASE_URL: 'https://gitea.intranet',
      PORTAL_CMS_API_ROOT: 'https://api.gitea.intranet/api/v1',
      PORTAL_CMS_REPO: 'sales/portal',
      PORTAL_CMS_APP_ID: 'client-id',
    });
    expect(backend).toMatchObject({ name: 'gitea', api_root: 'https://api.gitea.intranet/api/v1' });
    expect(backendOrigins(backend!)).toEqual(['https://api.gitea.intranet', 'https://gitea.intranet']);
  });

  it('has the editorial workflow everywhere but on Gitea, whose Decap backend lacks it', () => {
    const env = {
      PORTAL_CMS_BASE_URL: 'https://git.intranet',
      PORTAL_CMS_REPO: 'a/b',
      PORTAL_CMS_APP_ID: 'c',
    };
    const workflow = (kind: string) => editorialWorkflow(cmsBackend({ ...env, PORTAL_CMS_BACKEND: kind })!);
    expect(['local', 'gitlab', 'gitea', 'forgejo'].map(workflow)).toEqual([true, true, false, true]);
    expect(cmsBackend({ ...env, PORTAL_CMS_BACKEND: 'forgejo' })).toMatchObject({
      name: 'forgejo',
      api_root: 'https://git.intranet/api/v1',
    });
  });

  it('names the missing or wrong variable, in Chinese', () => {
    expect(() => cmsBackend({ PORTAL_CMS_BACKEND: 'gitlab' })).toThrow(CmsConfigError);
    expect(() => cmsBackend({ PORTAL_CMS_BACKEND: 'gitlab' })).toThrow('缺少环境变量 PORTAL_CMS_BASE_URL');
    expect(() => cmsBackend({ PORTAL_CMS_BACKEND: 'github' })).toThrow(
      /应为 local、gitlab、gitea 或 forgejo/,
    );
    expect(() =>
      cmsBackend({
        PORTAL_CMS_BACKEND: 'gitea',
        PORTAL_CMS_BASE_URL: 'ftp://x',
        PORTAL_CMS_REPO: 'a/b',
        PORTAL_CMS_APP_ID: 'c',
      }),
    ).toThrow('PORTAL_CMS_BASE_URL=“ftp://x” 应为 http(s) 网址');
  });
});

describe('the admin page CSP', () => {
  it('adds eval, the style hashes and the backend to the site policy, and never inline script', () => {
    const csp = adminCsp(cmsBackend({ PORTAL_CMS_BACKEND: 'local' })!, ['sha256-x']);
    expect(csp).toEqual({
      scriptResources: ["'self'", "'unsafe-eval'"],
      styleHashes: ['sha256-x'],
      directives: ["connect-src 'self' http://127.0.0.1:8081"],
    });
    const git = adminCsp(
      cmsBackend({
        PORTAL_CMS_BACKEND: 'gitlab',
        PORTAL_CMS_BASE_URL: 'https://git.intranet',
        PORTAL_CMS_REPO: 'a/b',
        PORTAL_CMS_APP_ID: 'c',
      })!,
      [],
    );
    expect(git.directives).toEqual([
      "connect-src 'self' https://git.intranet",
      "img-src 'self' https://git.intranet",
    ]);
    expect(JSON.stringify(git)).not.toContain('unsafe-inline');
  });
});
