/**
 * The body editor's 表格 button and paste from Word (issue 11), in Debian's Chromium at phone size (390×844,
 * touch) on /admin/ of a real build through the real gate, as a rep. A table already in a draft opens as the
 * 表格 form and comes back byte for byte when the body around it is edited and saved; a new article gets a
 * table from the button and a paste of Word's clipboard HTML (the fixture), and the file saved on the draft's
 * branch has the heading, bold, the list and both tables in GFM. Screenshots go to test-results/.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminSession, openAdmin } from './support/admin-session.ts';
import { SCREENSHOTS } from './support/browser.ts';
import { git } from './support/cms.ts';
import { articleText, newArticlePath, persist } from './support/gate.ts';

const REP = 'xuning'; // rep, 华东区
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const WORD = readFileSync('src/cms/__fixtures__/word-365.html', 'utf8');
const WPS = readFileSync('src/cms/__fixtures__/wps-writer.html', 'utf8');
const EXCEL = readFileSync('src/cms/__fixtures__/excel-range.html', 'utf8');

/** A table as the portal's articles have them: right-aligned figures, an escaped pipe in a cell. */
const TABLE = [
  '| 医院 | 拜访次数 | 反馈 |',
  '|---|---:|---|',
  '| 苏州市第一医院 | 6 | 同意安排科室会 |',
  '| 宁波市第二医院 | 4 | 资料 A\\|B 已补 |',
].join('\n');

const session = adminSession();
const open = () => openAdmin(session, REP, PHONE);

/** The file on a draft branch (cms/articles/…) that contains `text`, once the gate has committed it. */
async function draftWith(text: string): Promise<string> {
  const drafts = () =>
    git(session.gate.repo, 'branch', '--list', '--format=%(refname:short)', 'cms/articles/*')
      .split('\n')
      .filter(Boolean)
      .flatMap((branch) =>
        git(session.gate.repo, 'diff', '--name-only', 'HEAD', branch)
          .split('\n')
          .filter(Boolean)
          .map((path) => git(session.gate.repo, 'show', `${branch}:${path}`)),
      );
  await expect.poll(() => drafts().some((file) => file.includes(text)), { timeout: 20_000 }).toBe(true);
  return drafts().find((file) => file.includes(text))!;
}

/**
 * Puts the cursor at the end of `block`'s text the way a tap does, through the page's selection (the End key
 * is a line's end on a narrow screen, and Slate follows the selection).
 */
async function cursorAtEnd(block: Locator) {
  await block.click();
  await block.evaluate((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    range.collapse(false);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  // Slate takes the DOM's selection over on a throttled selectionchange; a key pressed before that lands
  // where the click put the caret (on a loaded machine, mid-paragraph).
  await block.page().waitForTimeout(500);
}

/**
 * Nothing of the 表格 form reaches past the body editor's own box. (That the editor itself fits 390 px is the
 * admin's phone stylesheet's job, checked where it is built.)
 */
async function tableFormFits(page: Page) {
  const overflow = await page.evaluate(() => {
    const editor = document.querySelector('[data-slate-editor="true"]')!.getBoundingClientRect();
    return [...document.querySelectorAll('[data-slate-editor="true"] [contenteditable="false"] *')]
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.left < editor.left - 1 || r.right > editor.right + 1)).length;
  });
  expect(overflow).toBe(0);
}

describe('the body editor at phone size', () => {
  it('opens a table as the 表格 form and saves it unchanged when the text around it is edited', async () => {
    const { slug, path } = newArticlePath(REP);
    const article = articleText({ title: '表格往返', region: 'east', author: REP }).replace(
      '表格往返的正文。\n',
      `表格往返的正文。\n\n${TABLE}\n\n最后一段。\n`,
    );
    expect((await session.gate.api(persist('articles', slug, path, article), { as: REP })).status).toBe(200);

    const { page, close } = await open();
    await page.goto(`${session.gate.url}/admin/#/collections/articles/entries/${slug}`);
    const rows = page.getByLabel('表格内容');
    await rows.waitFor();
    expect(await rows.inputValue()).toBe(
      '医院 | 拜访次数 | 反馈\n苏州市第一医院 | 6 | 同意安排科室会\n宁波市第二医院 | 4 | 资料 A\\|B 已补',
    );
    await page.screenshot({ path: `${SCREENSHOTS}/cms-body-table-form-phone.png`, fullPage: true });
    await tableFormFits(page);

    await cursorAtEnd(page.getByText('最后一段。'));
    await page.keyboard.insertText('补一句。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const saved = await draftWith('补一句。');
    // The body is the same bytes but for the added words (the front matter gains the save's system fields).
    const body = (file: string) => file.split('\n---\n')[1]!.trim();
    expect(body(saved)).toBe(body(article.replace('最后一段。', '最后一段。补一句。')));
    await close();
  });

  it('makes a table with the button and pastes Word’s HTML as Markdown', async () => {
    const { page, close } = await open();
    await page.goto(`${session.gate.url}/admin/#/collections/articles/new`);
    await page.getByLabel('标题', { exact: true }).fill('从 Word 粘贴');
    for (const [label, option] of [
      ['所属区域', '华东区'],
      ['作者', '徐宁'],
      ['栏目', '学术活动'],
    ]) {
      await page.getByLabel(label!, { exact: true }).fill(option!);
      await page
        .getByRole('option', { name: new RegExp(option!) })
        .first()
        .click();
    }

    const editable = page.locator('[data-slate-editor="true"]');
    await editable.click();
    await page.keyboard.insertText('开头一段。');
    await page.keyboard.press('Enter');
    // What Chromium does on Ctrl+V with Word's clipboard: a paste event whose DataTransfer holds its HTML.
    await editable.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '华东区十一月学术推广小结');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD);
    await page.getByRole('heading', { name: '华东区十一月学术推广小结' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/cms-body-word-paste-phone.png`, fullPage: true });

    // The pasted table is itself a 表格 form; a second one comes from the button, typed tab-separated as a
    // range copied from a spreadsheet arrives.
    await expect.poll(() => page.getByLabel('表格内容').count()).toBe(1);
    await cursorAtEnd(page.getByText('现场照片另行上传。'));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '添加组件' }).click();
    await page.getByRole('menuitem', { name: '表格' }).click();
    await expect.poll(() => page.getByLabel('表格内容').count()).toBe(2);
    await page.getByLabel('表格内容').last().fill('地区\t金额（万元）\n华东|苏南\t12.5');
    await page.screenshot({ path: `${SCREENSHOTS}/cms-body-table-button-phone.png`, fullPage: true });
    await tableFormFits(page);

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('状态: 草稿').waitFor();
    const body = await draftWith('从 Word 粘贴');
    expect(body).toContain('开头一段。\n\n# 华东区十一月学术推广小结\n');
    expect(body).toContain('**重点突破三家三甲医院**');
    // Decap's serialiser writes the nested list with a blank line before it once the body is edited again.
    expect(body).toMatch(/\* 跟进苏州市第一医院药事会\n\n? {2}\* 准备科室会资料\n\* \*\*完成Q4回款\*\*/);
    expect(body).toContain('1. 周一提交周报\n2. 周五前回访客户');
    expect(body).toContain(
      '| 医院 | 拜访次数 | 反馈 |\n|---|---|---|\n| 苏州市第一医院 | 6 | 同意安排科室会 |\n| 宁波市第二医院 | 4 | 要求补充文献A\\|B |',
    );
    expect(body).toContain(
      '现场照片另行上传。\n\n| 地区 | 金额（万元） |\n|---|---|\n| 华东\\|苏南 | 12.5 |',
    );
    expect(body).not.toMatch(/mso-|<o:p|file:|PORTALPASTE|·/);
    await close();
  });

  it('converts a real Ctrl+V from the system clipboard, in rich-text and in Markdown mode', async () => {
    const { page, close } = await open();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.gate.url });
    await page.goto(`${session.gate.url}/admin/#/collections/articles/new`);
    const copy = (html: string, text = '客户回访记录') =>
      page.evaluate(
        async ([html, text]) => {
          const item = new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob([text], { type: 'text/plain' }),
          });
          await navigator.clipboard.write([item]);
        },
        [html, text] as const,
      );

    await copy(WPS);
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.press('Control+V');
    await page.getByRole('heading', { name: '客户回访记录' }).waitFor();
    await expect
      .poll(() => page.getByLabel('表格内容').inputValue())
      .toBe('客户 | 结果\n杭州市中医院 | 满意 下月再访');

    // Into the 表格 box a range copied from Excel goes as its tab-separated text, not converted.
    await copy(EXCEL, '地区\t金额\n华东\t396.6\n');
    await page.getByLabel('表格内容').fill('');
    await page.getByLabel('表格内容').click();
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.getByLabel('表格内容').inputValue()).toBe('地区\t金额\n华东\t396.6\n');

    await page.getByRole('switch').click();
    const source = page.locator('.cms-editor-raw [data-slate-editor="true"]');
    await cursorAtEnd(source.locator('[data-slate-node="element"]').last());
    await page.keyboard.press('Enter');
    await copy(WPS);
    await page.keyboard.press('Control+V');
    // The Markdown mode's editor has a paragraph per line; the paste is added as lines of Markdown.
    const lines = async () =>
      (await source.locator('[data-slate-node="element"]').allInnerTexts()).map((l) => l.trim());
    await expect.poll(async () => (await lines()).filter((l) => l === '## 客户回访记录').length).toBe(2);
    const text = (await lines()).join('\n');
    expect(text).toContain('| 华东 | 396.6 |\n\n## 客户回访记录\n\n本周回访**四家**客户，*均已记录*。');
    await page.screenshot({ path: `${SCREENSHOTS}/cms-body-ctrl-v-markdown-phone.png`, fullPage: true });
    await close();
  });

  it('adds a paste at the end of the body when the editor has no cursor to put it at', async () => {
    const { page, close } = await open();
    await page.goto(`${session.gate.url}/admin/#/collections/articles/new`);
    const editable = page.locator('[data-slate-editor="true"]');
    await editable.waitFor();
    await editable.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WPS);
    await page.getByRole('heading', { name: '客户回访记录' }).waitFor();
    await expect(editable.innerText()).resolves.not.toContain('PORTALPASTE');
    await close();
  });
});
