/**
 * The submission form end to end, as a newcomer uses it: Debian's Chromium on /admin/ of a real build, the
 * real decap-server committing to a throwaway clone of this repository, then a build of the clone's content.
 * The browser may talk to nothing but 127.0.0.1, and the admin page's CSP must block nothing Decap needs.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDecapServer, type LocalServer } from '../src/cms/local-server.ts';
import { loadContent } from '../src/load/load.ts';
import { monthOf, parseDateTime } from '../src/model/time.ts';
import { launchBrowser, preview, SCREENSHOTS, type Preview } from './support/browser.ts';
import { build, read } from './support/build.ts';
import { cloneRepo, freePort, git } from './support/cms.ts';

const ARTICLE = {
  title: '华东区学术推广的三点体会',
  region: { label: '华东区', id: 'east' },
  author: { label: '罗新华', id: 'luoxinhua' },
  category: { label: '学术活动', value: 'academic' },
  heading: '一、会前准备',
  items: ['提前两周确认讲者', '会议资料双人核对'],
  closing: '学术推广重在专业与坚持。',
};

let repo: string;
let branch: string;
let server: LocalServer;
let site: Preview;
let browser: Browser;

beforeAll(async () => {
  repo = cloneRepo();
  branch = git(repo, 'symbolic-ref', '--short', 'HEAD');
  server = await startDecapServer({ root: process.cwd(), repo, port: await freePort(), stdio: 'ignore' });
  const admin = build(join(repo, 'content'), {
    PORTAL_CMS_BACKEND: 'local',
    PORTAL_CMS_PROXY_URL: server.url,
    PORTAL_CMS_BRANCH: branch,
  });
  expect(admin.status, admin.output).toBe(0);
  site = await preview(admin.outDir, await freePort());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  site?.stop();
  await server?.stop();
  if (repo) rmSync(dirname(repo), { recursive: true, force: true });
});

/**
 * A logged-in CMS page that records every request and every CSP violation. By default tall enough for a whole
 * form in one screenshot: Decap scrolls its editor inside the page.
 */
async function openCms(viewport = { width: 1280, height: 1800 }) {
  const page: Page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const blocked: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) blocked.push(m.text());
  });
  // Publishing asks "你确定要发布此内容吗？".
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.url}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '内刊投稿' }).first().waitFor();
  return { page, requests, blocked };
}

/** Picks an option of a relation or select field by typing part of its Chinese label. */
async function pick(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).fill(option);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .click();
}

/** Types Markdown into the body editor, in its Markdown mode. */
async function typeBody(page: Page, lines: string[]) {
  await page.getByRole('switch').click();
  await page.getByRole('textbox').last().click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
}

const allRefs = () => git(repo, 'for-each-ref', '--format=%(refname) %(objectname)');

describe('the CMS at /admin/', () => {
  it('takes an article in Chinese through draft, ready and publish into one commit that builds', async () => {
    const before = git(repo, 'rev-parse', 'HEAD');
    const started = Date.now();
    const { page, requests, blocked } = await openCms();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-collections.png` });

    await page.goto(`${site.url}/admin/#/collections/articles/new`);
    await page.getByLabel('标题', { exact: true }).fill(ARTICLE.title);
    await pick(page, '所属区域', ARTICLE.region.label);
    await pick(page, '作者', ARTICLE.author.label);
    await pick(page, '栏目', ARTICLE.category.label);
    await typeBody(page, [
      `## ${ARTICLE.heading}`,
      '',
      ...ARTICLE.items.map((i) => `- ${i}`),
      '',
      ARTICLE.closing,
    ]);
    await page.screenshot({ path: `${SCREENSHOTS}/cms-article-form.png` });

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('状态: 草稿').waitFor();
    // A draft lives on its own branch: nothing reaches the site's branch yet.
    expect(git(repo, 'rev-parse', branch)).toBe(before);
    expect(git(repo, 'branch', '--list', 'cms/*')).toMatch(
      /cms\/articles\/\d{4}\/\d{4}-\d{2}-\d{2}-luoxinhua-\d{6}/,
    );

    await page.getByRole('button', { name: /状态/ }).click();
    await page.getByRole('menuitem', { name: '就绪' }).click();
    await page.getByText('状态: 就绪').waitFor();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByRole('menuitem', { name: '立即发布' }).click();
    await page.getByText('内容已发布').waitFor();
    await page.getByText('已发布', { exact: true }).waitFor();
    await page.getByLabel('标题', { exact: true }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${SCREENSHOTS}/cms-article-published.png` });
    await page.close();

    // Exactly one commit with exactly one new Markdown file, filed by year under an ASCII name.
    expect(git(repo, 'rev-list', '--count', `${before}..${branch}`)).toBe('1');
    const changes = git(repo, 'diff', '--name-status', before, branch).split('\n');
    expect(changes).toHaveLength(1);
    const [status, path] = changes[0]!.split('\t');
    expect(status).toBe('A');
    const match = /^content\/articles\/(\d{4})\/((\d{4})-\d{2}-\d{2}-luoxinhua-\d{6})\.md$/.exec(path!);
    expect(match, path).not.toBeNull();
    const [, folderYear, id, nameYear] = match!;
    expect(folderYear).toBe(nameYear);
    expect(git(repo, 'branch', '--list', 'cms/*')).toBe('');

    // The front matter the build expects, no more: empty optional fields are left out.
    const text = git(repo, 'show', `${branch}:${path}`);
    expect(text.split('\n---\n')[0]).toMatch(
      /^---\ntitle: 华东区学术推广的三点体会\nregion: east\nauthor: luoxinhua\ncategory: academic\nsubmitted: '[^']+\+08:00'$/,
    );
    const { content, problems } = loadContent(join(repo, 'content'));
    expect(problems).toEqual([]);
    const entry = content.articles.find((a) => a.id === id)!;
    const submitted = parseDateTime(entry.data.submitted)!;
    expect(submitted.epochMilliseconds).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(submitted.epochMilliseconds).toBeLessThanOrEqual(Date.now());
    expect(id!.startsWith(entry.data.submitted.slice(0, 10))).toBe(true);
    expect(entry.body).toContain(`## ${ARTICLE.heading}`);
    expect(entry.body).toContain(`- ${ARTICLE.items[0]}`);

    // The next build shows it on its page, its region's page and the month's issue.
    const built = build(join(repo, 'content'));
    expect(built.status, built.output).toBe(0);
    const articlePage = read(built.outDir, `articles/${id}/index.html`);
    expect(articlePage).toContain(ARTICLE.title);
    expect(articlePage).toMatch(new RegExp(`<h2[^>]*>${ARTICLE.heading}</h2>`));
    for (const item of ARTICLE.items) expect(articlePage).toContain(`<li>${item}</li>`);
    expect(read(built.outDir, `regions/${ARTICLE.region.id}/index.html`)).toContain(ARTICLE.title);
    expect(read(built.outDir, `issues/${monthOf(submitted)}/index.html`)).toContain(ARTICLE.title);

    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('refuses an article without a title, in Chinese, and commits nothing', async () => {
    const refs = allRefs();
    const { page, requests, blocked } = await openCms();
    await page.goto(`${site.url}/admin/#/collections/articles/new`);
    await pick(page, '所属区域', '华南区');
    await pick(page, '作者', '张鑫');
    await pick(page, '栏目', '销售心得');
    await typeBody(page, ['没有标题的投稿。']);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('“标题”是必填项').waitFor();
    await page.getByText('你漏掉了一个必填项，请在保存之前将它填写好').waitFor();
    await page.getByLabel('标题', { exact: true }).scrollIntoViewIfNeeded();
    // Let the notice finish sliding in before the screenshot.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${SCREENSHOTS}/cms-missing-title.png` });
    await page.close();
    expect(allRefs()).toBe(refs);
    expect(git(repo, 'status', '--porcelain')).toBe('');

    // Reps submit from phones too: the same form at phone width, for a person to look at.
    const phone = await openCms({ width: 390, height: 844 });
    await phone.page.goto(`${site.url}/admin/#/collections/articles/new`);
    await phone.page.getByLabel('标题', { exact: true }).waitFor();
    await phone.page.screenshot({ path: `${SCREENSHOTS}/cms-phone-form.png` });
    await phone.page.close();
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('refuses weeks that do not exist: 2026-W54 in the form, 2025-W53 on save with the build’s message', async () => {
    const refs = allRefs();
    const { page } = await openCms();
    await page.goto(`${site.url}/admin/#/collections/reports/new`);
    await pick(page, '汇报类型', '周报');
    await pick(page, '汇报人', '罗新华');
    await pick(page, '所属区域', '华东区');
    const period = page.getByLabel('汇报周期', { exact: true });
    const save = page.getByRole('button', { name: '保存', exact: true });

    await period.fill('2026-W54');
    await save.click();
    await page.getByText(/“汇报周期”应为日期 2026-10-12、ISO 周 2026-W42/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-report-week-54.png` });

    // 2025 has 52 ISO weeks: the pattern lets W53 through, the build's schema does not.
    // Typed over the old value as a person would: Decap's input restores its caret when it gains focus,
    // so the text is selected only once it has.
    await period.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('2025-W53');
    await save.click();
    await page.getByText('保存内容失败: period（汇报周期）：ISO 周 “2025-W53” 不存在').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-report-week-53.png` });
    await page.close();
    expect(allRefs()).toBe(refs);
  });
});
