/**
 * The submission form end to end, as reps and managers use it: Debian's Chromium on /admin/ of a real build,
 * served by the real gate (as in production, a login header names the person: the browser context sets it as
 * the login proxy would), which commits to a throwaway clone of this repository; then a build of the clone.
 * The browser may talk to nothing but the gate's own origin, and the admin page's CSP must block nothing.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { monthOf, parseDateTime } from '../src/model/time.ts';
import { pick } from './support/admin-session.ts';
import { launchBrowser, SCREENSHOTS } from './support/browser.ts';
import { build, read } from './support/build.ts';
import { git } from './support/cms.ts';
import {
  articleText,
  newArticlePath,
  persist,
  adminGate,
  USER_HEADER,
  type TestGate,
} from './support/gate.ts';

const REP = { id: 'xuning', name: '徐宁' }; // rep, 华东区
const MANAGER = { id: 'luoxinhua', name: '罗新华' }; // manager of 华东区
const HEAD = 'hejianguo';

const ARTICLE = {
  title: '华东区学术推广的三点体会',
  region: { label: '华东区', id: 'east' },
  category: { label: '学术活动', value: 'academic' },
  heading: '一、会前准备',
  items: ['提前两周确认讲者', '会议资料双人核对'],
  closing: '学术推广重在专业与坚持。',
};

let gate: TestGate;
let browser: Browser;

beforeAll(async () => {
  gate = await adminGate();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await gate?.remove();
});

/**
 * A logged-in CMS page for `person` that records every request and every CSP violation. By default tall
 * enough for a whole form in one screenshot: Decap scrolls its editor inside the page.
 */
async function openCms(person: string, viewport = { width: 1280, height: 1800 }) {
  const context = await browser.newContext({ viewport, extraHTTPHeaders: { [USER_HEADER]: person } });
  const page: Page = await context.newPage();
  const requests: string[] = [];
  const blocked: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) blocked.push(m.text());
  });
  // Publishing asks "你确定要发布此内容吗？".
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${gate.url}/admin/`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '内刊投稿' }).first().waitFor();
  return { page, requests, blocked, close: () => context.close() };
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

async function setStatus(page: Page, status: string) {
  await page.getByRole('button', { name: /状态/ }).click();
  await page.getByRole('menuitem', { name: status }).click();
  await page.getByText(`状态: ${status}`).waitFor();
}

const allRefs = () => git(gate.repo, 'for-each-ref', '--format=%(refname) %(objectname)');

describe('the CMS at /admin/ through the gate', () => {
  it('takes a rep’s draft through review while another article is published, into one commit that builds', async () => {
    const before = git(gate.repo, 'rev-parse', 'HEAD');
    const started = Date.now();
    const rep = await openCms(REP.id);
    await rep.page.screenshot({ path: `${SCREENSHOTS}/cms-collections.png` });

    await rep.page.goto(`${gate.url}/admin/#/collections/articles/new`);
    await rep.page.getByLabel('标题', { exact: true }).fill(ARTICLE.title);
    await pick(rep.page, '所属区域', ARTICLE.region.label);
    await pick(rep.page, '作者', REP.name);
    await pick(rep.page, '栏目', ARTICLE.category.label);
    await typeBody(rep.page, [
      `## ${ARTICLE.heading}`,
      '',
      ...ARTICLE.items.map((i) => `- ${i}`),
      '',
      ARTICLE.closing,
    ]);
    await rep.page.screenshot({ path: `${SCREENSHOTS}/cms-article-form.png` });
    await rep.page.getByRole('button', { name: '保存', exact: true }).click();
    await rep.page.getByText('状态: 草稿').waitFor();
    const draftUrl = rep.page.url();
    // A draft lives on its own branch, never checked out: nothing reaches main or the working tree yet.
    expect(git(gate.repo, 'rev-parse', 'main')).toBe(before);
    expect(git(gate.repo, 'status', '--porcelain')).toBe('');
    const branch = git(gate.repo, 'branch', '--list', `cms/articles/*-${REP.id}-*`);
    expect(branch).toMatch(/cms\/articles\/\d{4}\/\d{4}-\d{2}-\d{2}-xuning-\d{6}/);
    await setStatus(rep.page, '审核中');
    await rep.close();

    // Meanwhile the head publishes another article (through the same API the form uses).
    const other = newArticlePath(HEAD);
    const text = articleText({ title: '同时发布的另一篇', region: 'south', author: HEAD });
    expect((await gate.api(persist('articles', other.slug, other.path, text), { as: HEAD })).status).toBe(
      200,
    );
    const key = { collection: 'articles', slug: other.slug };
    await gate.api(
      { action: 'updateUnpublishedEntryStatus', params: { ...key, newStatus: 'pending_publish' } },
      { as: HEAD },
    );
    expect((await gate.api({ action: 'publishUnpublishedEntry', params: key }, { as: HEAD })).status).toBe(
      200,
    );
    const middle = git(gate.repo, 'rev-parse', 'main');

    // The region's manager opens the rep's draft: whole, with the rep's text.
    const manager = await openCms(MANAGER.id);
    await manager.page.goto(draftUrl);
    await expect
      .poll(() => manager.page.getByLabel('标题', { exact: true }).inputValue(), { timeout: 20_000 })
      .toBe(ARTICLE.title);
    await manager.page.getByText(ARTICLE.closing).first().waitFor();
    await setStatus(manager.page, '待发布');
    await manager.page.getByRole('button', { name: '发布', exact: true }).click();
    await manager.page.getByRole('menuitem', { name: '立即发布' }).click();
    await manager.page.getByText('内容已发布').waitFor();
    await manager.page.screenshot({ path: `${SCREENSHOTS}/cms-article-published.png` });
    await manager.close();

    // Exactly one commit with exactly the rep's file, filed by year under an ASCII name, by the manager.
    expect(git(gate.repo, 'rev-list', '--count', `${middle}..main`)).toBe('1');
    const changes = git(gate.repo, 'diff', '--name-status', middle, 'main').split('\n');
    expect(changes).toHaveLength(1);
    const [status, path] = changes[0]!.split('\t');
    expect(status).toBe('A');
    const match = /^content\/articles\/(\d{4})\/((\d{4})-\d{2}-\d{2}-xuning-\d{6})\.md$/.exec(path!);
    expect(match, path).not.toBeNull();
    const [, folderYear, id, nameYear] = match!;
    expect(folderYear).toBe(nameYear);
    expect(git(gate.repo, 'log', '-1', '--format=%an', 'main')).toBe(MANAGER.name);
    expect(git(gate.repo, 'branch', '--list', 'cms/*')).toBe('');

    // The front matter the build expects: server time, the rep as saver, no empty optional fields.
    const text2 = git(gate.repo, 'show', `main:${path}`);
    expect(text2.split('\n---\n')[0]).toMatch(
      /^---\ntitle: 华东区学术推广的三点体会\nregion: east\nauthor: xuning\ncategory: academic\nsubmitted: '[^']+\+08:00'\nsavedBy: (xuning|luoxinhua)$/,
    );
    const { content, problems } = loadContent(join(gate.repo, 'content'));
    expect(problems).toEqual([]);
    const entry = content.articles.find((a) => a.id === id)!;
    const submitted = parseDateTime(entry.data.submitted)!;
    expect(submitted.epochMilliseconds).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(submitted.epochMilliseconds).toBeLessThanOrEqual(Date.now());

    // The next build shows it on its page, its region's page and the month's issue.
    const built = build(join(gate.repo, 'content'));
    expect(built.status, built.output).toBe(0);
    const articlePage = read(built.outDir, `articles/${id}/index.html`);
    expect(articlePage).toContain(ARTICLE.title);
    expect(articlePage).toMatch(new RegExp(`<h2[^>]*>${ARTICLE.heading}</h2>`));
    for (const item of ARTICLE.items) expect(articlePage).toContain(`<li>${item}</li>`);
    expect(read(built.outDir, `regions/${ARTICLE.region.id}/index.html`)).toContain(ARTICLE.title);
    expect(read(built.outDir, `issues/${monthOf(submitted)}/index.html`)).toContain(ARTICLE.title);

    for (const r of [...rep.requests, ...manager.requests]) expect(r.startsWith(gate.url), r).toBe(true);
    expect([...rep.blocked, ...manager.blocked]).toEqual([]);
  });

  it('refuses an article without a title, in Chinese, and commits nothing', async () => {
    const refs = allRefs();
    const { page, requests, blocked, close } = await openCms(REP.id);
    await page.goto(`${gate.url}/admin/#/collections/articles/new`);
    await pick(page, '所属区域', '华东区');
    await pick(page, '作者', REP.name);
    await pick(page, '栏目', '销售心得');
    await typeBody(page, ['没有标题的投稿。']);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('“标题”是必填项').waitFor();
    await page.getByText('你漏掉了一个必填项，请在保存之前将它填写好').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-missing-title.png` });
    await close();
    expect(allRefs()).toBe(refs);
    expect(git(gate.repo, 'status', '--porcelain')).toBe('');

    // Reps submit from phones too: the same form at phone width, for a person to look at.
    const phone = await openCms(REP.id, { width: 390, height: 844 });
    await phone.page.goto(`${gate.url}/admin/#/collections/articles/new`);
    await phone.page.getByLabel('标题', { exact: true }).waitFor();
    await phone.page.screenshot({ path: `${SCREENSHOTS}/cms-phone-form.png` });
    await phone.close();
    for (const r of requests) expect(r.startsWith(gate.url), r).toBe(true);
    expect(blocked).toEqual([]);
  });

  it('shows the gate’s refusal in the form, in Chinese: a rep may not file for someone else', async () => {
    const refs = allRefs();
    const { page, close } = await openCms(REP.id);
    await page.goto(`${gate.url}/admin/#/collections/articles/new`);
    await page.getByLabel('标题', { exact: true }).fill('替同事投的稿');
    await pick(page, '所属区域', '华东区');
    await pick(page, '作者', '刘亮');
    await pick(page, '栏目', '销售心得');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/你（徐宁）只能提交和修改本人的投稿/).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-refused-by-gate.png` });
    await close();
    expect(allRefs()).toBe(refs);
  });

  it('refuses weeks that do not exist: 2026-W54 in the form, 2025-W53 on save with the build’s message', async () => {
    const refs = allRefs();
    const { page, close } = await openCms(MANAGER.id);
    await page.goto(`${gate.url}/admin/#/collections/reports/new`);
    await pick(page, '汇报类型', '周报');
    await pick(page, '汇报人', MANAGER.name);
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
    await page
      .getByText(/^保存失败：period（汇报周期）：ISO 周 “2025-W53” 不存在。填写的内容没有丢失/)
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-report-week-53.png` });
    await close();
    expect(allRefs()).toBe(refs);
  });
});
