/**
 * What a build makes of /admin/: nothing usable without the CMS, the Decap bundle copied from node_modules
 * and a configuration generated from the model with it, a relaxed CSP on /admin/ only, and a Chinese stop for
 * a retired backend. The gate's own tests (test/gate*.test.ts) open it in Chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { cmsBackend } from '../src/cms/backend.ts';
import { bundleDir, bundleFiles } from '../src/cms/decap-bundle.ts';
import { cmsConfig } from '../src/model/cms.ts';
import { build, read, type Build } from './support/build.ts';
import { unsafeMarkup } from './support/html-safety.ts';
import { ARTICLE, ORG, writeTree } from './support/tree.ts';

const GATE = { PORTAL_CMS_BACKEND: 'gate', PORTAL_SITE: 'https://portal.intranet' };

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

describe('a production build for the gate', () => {
  let site: Build;
  beforeAll(() => {
    site = build(smallContent(), GATE);
  });

  it('generates the configuration from the model, talking to the gate on the site’s own origin', () => {
    expect(site.status, site.output).toBe(0);
    const config = parse(read(site.outDir, 'admin/config.yml'));
    expect(config).toEqual(
      cmsConfig({ backend: cmsBackend(GATE)!, siteUrl: 'https://portal.intranet' }) as unknown,
    );
    expect(config.backend).toEqual({ name: 'proxy', proxy_url: '/api/v1', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.local_backend).toBeUndefined();
    expect(JSON.stringify(config)).not.toContain('127.0.0.1');
  });

  it('copies the Decap bundle from node_modules', () => {
    const files = bundleFiles(bundleDir(process.cwd()));
    for (const f of files) expect(existsSync(join(site.outDir, 'admin/decap', f)), f).toBe(true);
  });

  it('relaxes the CSP on /admin/ only: eval, blob:, never inline script, inline styles or another origin', () => {
    const admin = read(site.outDir, 'admin/index.html');
    expect(admin).toMatch(/<html[^>]* lang="zh-CN"/);
    expect(unsafeMarkup(admin)).toEqual([]);
    const csp = cspOf(admin);
    expect(directive(csp, 'script-src')).toMatch(/^script-src 'self' /);
    expect(sources(csp, 'script-src')).toContain("'unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    // blob: is the page's own picked photos (src/cms/csp.ts): no other origin.
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' blob:");
    expect(directive(csp, 'style-src')).toContain("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");

    const home = cspOf(read(site.outDir, 'index.html'));
    expect(sources(home, 'script-src')).not.toContain("'unsafe-eval'");
  });
});

describe('a build with a retired CMS backend', () => {
  it('stops and says why in Chinese', () => {
    const result = build(smallContent(), { PORTAL_CMS_BACKEND: 'gitlab' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('已停用');
  });
});
