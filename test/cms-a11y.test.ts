/**
 * axe-core on every screen of the admin (issue 11): the collection list, a new entry's form, a saved
 * draft's form, the workflow board, a work log with its day rows (issue 12) and the media library, at phone
 * and desktop width, through the real gate.
 * Nothing serious or critical may be found. Decap's own markup is fixed where it falls short by
 * src/cms/markup-fixes.ts and src/cms/admin.css; nothing is excluded.
 */
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { inShanghai } from '../src/model/time.ts';
import { adminSession, openAdmin } from './support/admin-session.ts';
import { articleText, newArticlePath, persist, worklogText } from './support/gate.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const MANAGER = 'luoxinhua'; // manager of 华东区
const DRAFT = '无障碍检查用的草稿';

const session = adminSession();
let draftSlug: string;
/** The manager's work log of this Beijing month, with two day rows: one folded, today's open. */
const today = inShanghai(Temporal.Now.instant()).toPlainDate();
const month = today.toPlainYearMonth().toString();
const logSlug = `${month.slice(0, 4)}/${month}-${MANAGER}`;

beforeAll(async () => {
  const { slug, path } = newArticlePath(MANAGER);
  draftSlug = slug;
  const text = articleText({ title: DRAFT, region: 'east', author: MANAGER });
  expect((await session.gate.api(persist('articles', slug, path, text), { as: MANAGER })).status).toBe(200);
  const logPath = `content/worklogs/${logSlug}.md`;
  const exists = existsSync(join(session.gate.repo, logPath));
  const days = [today.toString(), ...(today.day > 1 ? [today.subtract({ days: 1 }).toString()] : [])];
  const log = worklogText({
    person: MANAGER,
    region: 'east',
    month,
    days: days.map((date) => ({
      date,
      plan: '区域会准备',
      visits: 1,
      visitList: [{ customer: '市一医院' }],
    })),
  });
  const saved = await session.gate.api(persist('worklogs', logSlug, logPath, log, !exists), { as: MANAGER });
  expect(saved.status, JSON.stringify(saved.json)).toBe(200);
});

/** axe's serious and critical findings on the page as it is now. */
async function serious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const node = v.nodes[0]!;
      // For contrast, the colours axe measured: what a fix needs to know.
      const colours = node.any[0]?.data as { fgColor?: string; bgColor?: string } | undefined;
      const measured = colours?.fgColor ? ` (${colours.fgColor} on ${colours.bgColor})` : '';
      return `${v.impact} ${v.id} ×${v.nodes.length}: ${node.target.join(' ')}${measured}`;
    });
}

describe.each([
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
])('axe on the admin (%s)', (_, viewport) => {
  it('finds nothing serious or critical on list, forms, board and media library', async () => {
    // The admin's CSP admits no injected script; it is tested elsewhere, so this context sets it aside.
    const { page, close } = await openAdmin(session, MANAGER, { viewport, bypassCSP: true });
    const found: Record<string, string[]> = {};
    await page.goto(`${session.gate.url}/admin/#/collections/articles`);
    await page.getByText(DRAFT).first().waitFor();
    found.list = await serious(page);

    await page.goto(`${session.gate.url}/admin/#/collections/articles/new`);
    await page.getByRole('textbox', { name: '正文' }).waitFor();
    found.editor = await serious(page);
    // The body's mode switch says which mode it is in.
    const markdown = page.getByRole('switch', { name: 'Markdown 模式' });
    await expect.poll(() => markdown.getAttribute('aria-checked')).toBe('false');
    await markdown.click();
    await expect.poll(() => markdown.getAttribute('aria-checked')).toBe('true');
    found['editor-markdown'] = await serious(page);
    await markdown.click();
    await expect.poll(() => markdown.getAttribute('aria-checked')).toBe('false');

    await page.goto(`${session.gate.url}/admin/#/collections/articles/entries/${draftSlug}`);
    await page.getByText('状态: 草稿').waitFor();
    await page.getByRole('button', { name: /状态/ }).click();
    await page.getByRole('menuitem', { name: '审核中' }).waitFor();
    found.draft = await serious(page);
    await page.keyboard.press('Escape');

    await page.goto(`${session.gate.url}/admin/#/workflow`);
    await page.getByRole('heading', { name: new RegExp(DRAFT) }).waitFor();
    found.board = await serious(page);

    // A work log: day rows with their fold, drag and remove controls, and a visit list inside today's.
    await page.goto(`${session.gate.url}/admin/#/collections/worklogs/entries/${logSlug}`);
    await page.getByRole('button', { name: '新增每日记录' }).waitFor();
    await page
      .getByRole('button', { name: /^展开或收起这一项/ })
      .first()
      .waitFor();
    found.worklog = await serious(page);

    await page.goto(`${session.gate.url}/admin/#/collections/articles`);
    await page.getByRole('button', { name: '媒体' }).click();
    await page.getByRole('dialog', { name: /媒体/ }).waitFor();
    // The library fades in: measured half-way, its text is paler than it ends up.
    await page.waitForTimeout(1000);
    found.media = await serious(page);
    await close();

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});
