/**
 * Real builds: the sample content gives every page the site promises; hostile submissions reach no page as
 * code; broken content stops the build with the same report as `npm run check:content`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { formatProblems } from '../src/load/problems.ts';
import { monthOf, parseDateTime } from '../src/model/time.ts';
import { build, filesBelow, read, type Build } from './support/build.ts';
import { HOSTILE_SUBMISSIONS } from './support/hostile.ts';
import { unsafeMarkup } from './support/html-safety.ts';
import { md } from './support/tree.ts';

const SAMPLE = resolve('content');

describe('a build of the sample content', () => {
  const { content, problems } = loadContent(SAMPLE);
  let site: Build;
  let pages: string[];
  beforeAll(() => {
    site = inject('sample');
    pages = site.status === 0 ? filesBelow(site.outDir).filter((f) => f.endsWith('.html')) : [];
  });

  it('succeeds on valid sample content', () => {
    expect(problems).toEqual([]);
    expect(site.status, site.output).toBe(0);
    expect(site.output).toContain('Complete!');
  });

  it('writes a page for every article, meeting, report, region and month', () => {
    const expected = [
      'index.html',
      '404.html',
      'issues/index.html',
      'meetings/index.html',
      'regions/index.html',
      'manage/index.html',
      'manage/reports/index.html',
      ...content.articles.map((a) => `articles/${a.id}/index.html`),
      ...content.meetings.map((m) => `meetings/${m.id}/index.html`),
      ...content.reports.map((r) => `manage/reports/${r.id}/index.html`),
      ...content.regions.map((r) => `regions/${r.id}/index.html`),
      ...[...new Set(content.articles.map((a) => monthOf(parseDateTime(a.data.submitted)!)))].map(
        (m) => `issues/${m}/index.html`,
      ),
    ];
    expect(pages).toEqual(expect.arrayContaining(expected));
  });

  it('shows each article with its title, author and Beijing time', () => {
    const article = content.articles[0]!;
    const html = read(site.outDir, `articles/${article.id}/index.html`);
    const author = content.people.find((p) => p.id === article.data.author)!;
    expect(html).toContain(article.data.title.replace(/&/g, '&amp;'));
    expect(html).toContain(author.name);
    expect(html).toContain('北京时间');
  });

  it('marks every page as Chinese and gives it a CSP without inline script', () => {
    for (const page of pages) {
      const html = read(site.outDir, page);
      expect(html, page).toMatch(/<html[^>]* lang="zh-CN"/);
      const csp = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      expect(csp, page).toBeDefined();
      expect(csp, page).toMatch(/script-src 'self'/);
      expect(csp, page).not.toContain('unsafe-inline');
      expect(unsafeMarkup(html), page).toEqual([]);
    }
  });

  it('keeps reports and their figures under /manage/', () => {
    for (const page of pages.filter((p) => !p.startsWith('manage/'))) {
      const html = read(site.outDir, page);
      expect(html, page).not.toMatch(/href="[^"]*\/manage\/reports\//);
      // Free text may mention a figure; what must not leave /manage/ is a report's figures table.
      expect(html, page).not.toContain('class="data-table figures"');
    }
  });

  it('publishes no copy of the content store (the prerender bundle reads it from a file)', () => {
    // src/integrations/store-file.ts writes the whole store, work logs and reports included, into the bundle.
    const files = filesBelow(site.outDir);
    expect(files.filter((f) => /data-store|\.prerender/.test(f))).toEqual([]);
    for (const file of files.filter((f) => /\.(?:json|js|mjs|html)$/.test(f)))
      expect(read(site.outDir, file).startsWith('[["Map",'), file).toBe(false);
  });

  it('publishes an RSS feed of articles', () => {
    const rss = read(site.outDir, 'rss.xml');
    expect(rss).toContain('<language>zh-cn</language>');
    expect(rss.match(/<item>/g)?.length).toBe(Math.min(50, content.articles.length));
  });
});

describe('a build with hostile submissions', () => {
  let site: Build;
  let ids: string[];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-hostile-'));
    cpSync(join(SAMPLE, 'org'), join(dir, 'org'), { recursive: true });
    const rep = loadContent(SAMPLE).content.people.find((p) => p.role === 'rep')!;
    mkdirSync(join(dir, 'articles'));
    ids = HOSTILE_SUBMISSIONS.map((body, i) => {
      const id = `hostile-${i}`;
      const front = [
        `title: ${JSON.stringify(`<script>alert(${i})</script>恶意投稿 ${i}`)}`,
        `region: ${rep.region}`,
        `author: ${rep.id}`,
        'category: other',
        `submitted: '2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:00:00+08:00'`,
        'tags: ["<img onerror=x>"]',
        `summary: ${JSON.stringify('<a href="javascript:alert(1)">摘要</a>')}`,
      ].join('\n');
      writeFileSync(join(dir, 'articles', `${id}.md`), md(front, `正常的开头。\n\n${body}\n\n正常的结尾。`));
      return id;
    });
    site = build(dir);
  });

  it('builds', () => {
    expect(site.status, site.output).toBe(0);
  });

  it('lets no script, handler or script URL reach any page', () => {
    const pages = filesBelow(site.outDir).filter((f) => f.endsWith('.html') || f.endsWith('.xml'));
    expect(pages).toEqual(expect.arrayContaining(ids.map((id) => `articles/${id}/index.html`)));
    for (const page of pages) expect(unsafeMarkup(read(site.outDir, page)), page).toEqual([]);
  });

  it('shows the text around the payload, and the payload-laden title as text', () => {
    const html = read(site.outDir, `articles/${ids[0]}/index.html`);
    expect(html).toContain('正常的开头。');
    expect(html).toContain('正常的结尾。');
    expect(html).toContain('&lt;script&gt;alert(0)&lt;/script&gt;恶意投稿 0');
  });
});

describe('a build of broken content', () => {
  it('fails with the same report as check:content, listing every broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portal-broken-'));
    cpSync(join(SAMPLE, 'org'), join(dir, 'org'), { recursive: true });
    const rep = loadContent(SAMPLE).content.people.find((p) => p.role === 'rep')!;
    const article = (submitted: string, region = rep.region) =>
      md(`title: 测试\nregion: ${region}\nauthor: ${rep.id}\ncategory: other\nsubmitted: '${submitted}'`);
    mkdirSync(join(dir, 'articles'));
    const broken = {
      'articles/a-no-offset.md': article('2026-10-12T09:30:00'),
      'articles/b-impossible.md': article('2024-02-30T09:30:00+08:00'),
      'articles/c-region.md': article('2026-10-12T09:30:00+08:00', 'atlantis'),
      'articles/d.mdx': article('2026-10-12T09:30:00+08:00'),
      'org/notes.txt': '随手记',
    };
    for (const [path, text] of Object.entries(broken)) writeFileSync(join(dir, path), text);

    const expected = formatProblems(loadContent(dir).problems);
    for (const path of Object.keys(broken)) expect(expected).toContain(path);
    const check = spawnSync('npm', ['run', '--silent', 'check:content', '--', '--dir', dir], {
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stderr.trim()).toBe(expected.trim());
    const result = build(dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(expected);
  });
});
