/**
 * What a build makes of /admin/ for each backend: nothing usable without one, the Decap bundle copied from
 * node_modules and a configuration generated from the model with one, a relaxed CSP on /admin/ only, and a
 * Chinese stop for wrong variables. The production configurations are opened in Chromium: Decap must accept
 * them and offer its login (there is no GitLab or Gitea here to log in to).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cmsBackend } from '../src/cms/backend.ts';
import { bundleDir, bundleFiles } from '../src/cms/decap-bundle.ts';
import { cmsConfig } from '../src/model/cms.ts';
import { launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { build, read, type Build } from './support/build.ts';
import { serveStatic } from './support/cms.ts';
import { unsafeMarkup } from './support/html-safety.ts';
import { ARTICLE, ORG, writeTree } from './support/tree.ts';

const SERVER = {
  PORTAL_CMS_BASE_URL: 'https://git.intranet',
  PORTAL_CMS_REPO: 'sales/portal',
  PORTAL_CMS_APP_ID: 'portal-cms',
  PORTAL_SITE: 'https://portal.intranet',
};
const GITLAB = { ...SERVER, PORTAL_CMS_BACKEND: 'gitlab' };
const GITEA = { ...SERVER, PORTAL_CMS_BACKEND: 'gitea' };

/** A roster and one article: enough for a build, quick to build. */
const smallContent = () => writeTree({ ...ORG, 'articles/2026/2026-10-12-wangfang-093000.md': ARTICLE });

const cspOf = (html: string) =>
  /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
/** One directive of a policy, e.g. `connect-src 'self' https://git.intranet`. */
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';
/** The sources of one directive, as tokens ('wasm-unsafe-eval' is not 'unsafe-eval'). */
const sources = (csp: string, name: string) => directive(csp, name).split(/\s+/).slice(1);

describe('a build without PORTAL_CMS_BACKEND (the sample build)', () => {
  let site: Build;
  beforeAll(() => {
    site = inject('sample');
  });

  it('explains at /admin/ how to set the CMS up, and ships no Decap and no backend', () => {
    expect(site.status, site.output).toBe(0);
    const html = read(site.outDir, 'admin/index.html');
    expect(html).toContain('没有配置投稿后台');
    expect(html).not.toContain('data-cms-bundle');
    expect(sources(cspOf(html), 'script-src')).not.toContain("'unsafe-eval'");
    expect(existsSync(join(site.outDir, 'admin/decap'))).toBe(false);
    expect(parse(read(site.outDir, 'admin/config.yml'))).toBeNull();
  });
});

describe('a production build for GitLab', () => {
  let site: Build;
  beforeAll(() => {
    site = build(smallContent(), GITLAB);
  });

  it('generates the configuration from the model, with GitLab PKCE and no local backend', () => {
    expect(site.status, site.output).toBe(0);
    const config = parse(read(site.outDir, 'admin/config.yml'));
    expect(config).toEqual(
      cmsConfig({
        backend: cmsBackend(GITLAB)!,
        siteUrl: 'https://portal.intranet',
        editorialWorkflow: true,
      }) as unknown,
    );
    expect(config.backend).toMatchObject({ name: 'gitlab', auth_type: 'pkce', app_id: 'portal-cms' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.local_backend).toBeUndefined();
    expect(JSON.stringify(config)).not.toContain('127.0.0.1');
  });

  it('copies the Decap bundle from node_modules', () => {
    const files = bundleFiles(bundleDir(process.cwd()));
    for (const f of files) expect(existsSync(join(site.outDir, 'admin/decap', f)), f).toBe(true);
  });

  it('relaxes the CSP on /admin/ only: eval and GitLab, never inline script or inline styles', () => {
    const admin = read(site.outDir, 'admin/index.html');
    expect(admin).toMatch(/<html[^>]* lang="zh-CN"/);
    expect(unsafeMarkup(admin)).toEqual([]);
    const csp = cspOf(admin);
    expect(directive(csp, 'script-src')).toMatch(/^script-src 'self' /);
    expect(sources(csp, 'script-src')).toContain("'unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://git.intranet");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' https://git.intranet");
    expect(directive(csp, 'style-src')).toContain("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");

    const home = cspOf(read(site.outDir, 'index.html'));
    expect(sources(home, 'script-src')).not.toContain("'unsafe-eval'");
    expect(home).not.toContain('git.intranet');
  });
});

describe('a build with wrong CMS variables', () => {
  it('stops and names the variable in Chinese', () => {
    const result = build(smallContent(), {
      PORTAL_CMS_BACKEND: 'gitlab',
      PORTAL_CMS_BASE_URL: 'https://git.intranet',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('缺少环境变量 PORTAL_CMS_REPO');
  });
});

describe.each([
  ['GitLab', GITLAB, 'editorial_workflow'],
  ['Gitea', GITEA, 'simple'],
])('the %s configuration in Chromium', (name, env, mode) => {
  let site: Build;
  let browser: Browser;
  beforeAll(async () => {
    site = build(smallContent(), env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`is accepted by Decap, which offers to log in with ${name} and contacts nothing yet`, async () => {
    expect(site.status, site.output).toBe(0);
    expect(parse(read(site.outDir, 'admin/config.yml')).publish_mode).toBe(mode);
    const server = await serveStatic(site.outDir);
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    try {
      await page.goto(`${server.url}/admin/`);
      await page.getByRole('button', { name: `使用 ${name} 登录` }).waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}/cms-login-${name.toLowerCase()}.png` });
    } finally {
      await page.close();
      await server.stop();
    }
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
  });
});
