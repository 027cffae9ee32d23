/**
 * The admin in Chinese all the way (issue 11): Debian's Chromium on /admin/ of a real build through the real
 * gate, as a region's manager. On the collection list, a new entry with a relation picker and a select open,
 * a saved draft with its status menu open, and the workflow board, every visible text and every accessible
 * name (aria-label, title, placeholder, alt and the accessibility tree) is read at phone and desktop width;
 * any run of three Latin letters not on a short allow-list fails — so does any roster or option id (xuning,
 * east, academic), which the lists, the board and the pickers show by name. Screenshots go to test-results/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, SCREENSHOTS } from './support/browser.ts';
import {
  articleText,
  newArticlePath,
  persist,
  adminGate,
  USER_HEADER,
  type TestGate,
} from './support/gate.ts';

const MANAGER = 'luoxinhua'; // manager of 华东区
const MANAGER_NAME = '罗新华（华东区）';
const DRAFT = '华东区学术推广的三点体会';
const IN_REVIEW = '华东区客户回访小结';

/**
 * Latin that is legitimately Latin:
 * - Markdown: the name of the body editor's mode, as docs/cms.md calls it;
 * - Ctrl / Enter / Esc: key names as printed on the keyboard;
 * - http / https: URL schemes (the site's address in the header, an image field's hint); URLs themselves and
 *   links' targets are stripped before looking.
 */
const ALLOWED = ['Markdown', 'Ctrl', 'Enter', 'Esc', 'http', 'https'];

let gate: TestGate;
let browser: Browser;
let allowed: Set<string>;

beforeAll(async () => {
  gate = await adminGate();
  browser = await launchBrowser();
  allowed = new Set(ALLOWED.map((w) => w.toLowerCase()));

  // A draft and an entry in review, so that the board has cards in two columns.
  for (const [title, status] of [
    [DRAFT, 'draft'],
    [IN_REVIEW, 'pending_review'],
  ] as const) {
    const { slug, path } = newArticlePath(MANAGER);
    const text = articleText({ title, region: 'east', author: MANAGER });
    expect((await gate.api(persist('articles', slug, path, text), { as: MANAGER })).status).toBe(200);
    const params = { collection: 'articles', slug, newStatus: status };
    if (status !== 'draft')
      await gate.api({ action: 'updateUnpublishedEntryStatus', params }, { as: MANAGER });
  }
});

afterAll(async () => {
  await browser?.close();
  await gate?.remove();
});

/** Every visible text and every name a screen reader gets in the page's own document. */
async function wordsOnScreen(page: Page): Promise<string[]> {
  const dom = await page.evaluate(() => {
    const out: string[] = [];
    const shown = (e: Element) =>
      e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && shown(parent))
        out.push(n.textContent ?? '');
    }
    const attributes = [
      'aria-label',
      'title',
      'placeholder',
      'alt',
      'aria-placeholder',
      'aria-roledescription',
    ];
    for (const e of document.body.querySelectorAll('*')) {
      for (const a of attributes) if (e.hasAttribute(a)) out.push(e.getAttribute(a)!);
    }
    return out;
  });
  // The accessibility tree: names are quoted, text follows a colon; the role words themselves are not text,
  // nor are links' targets (the /url: lines).
  const tree = (await page.locator('body').ariaSnapshot())
    .split('\n')
    .filter((line) => !/^\s*- \/url:/.test(line))
    .join('\n');
  const names = [...tree.matchAll(/"((?:[^"\\]|\\.)*)"|: (.+)$/gm)].map((m) => m[1] ?? m[2] ?? '');
  return [...dom, ...names].map((t) => t.trim()).filter(Boolean);
}

/** Runs of 3+ Latin letters not on the allow-list, with the text they were found in. */
async function latinOn(page: Page): Promise<string[]> {
  const found = new Set<string>();
  for (const text of await wordsOnScreen(page)) {
    for (const [word] of text.replace(/https?:\/\/\S+/g, '').matchAll(/[A-Za-z]{3,}/g)) {
      if (!allowed.has(word.toLowerCase())) found.add(`${word} in “${text.slice(0, 80)}”`);
    }
  }
  return [...found];
}

const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
];

describe('the admin, in Chinese all the way', () => {
  for (const { name, viewport } of WIDTHS) {
    it(`shows no English on list, editor, draft and board (${name}, ${viewport.width} px)`, async () => {
      const context = await browser.newContext({ viewport, extraHTTPHeaders: { [USER_HEADER]: MANAGER } });
      const page = await context.newPage();
      // Leaving the new entry asks whether to discard it.
      page.on('dialog', (d) => void d.accept());
      const english: Record<string, string[]> = {};
      const look = async (screen: string) => {
        await page.screenshot({ path: `${SCREENSHOTS}/cms-chinese-${screen}-${name}.png` });
        english[screen] = await latinOn(page);
      };

      await page.goto(`${gate.url}/admin/`);
      await page.getByRole('button', { name: '登录' }).click();
      await page
        .getByText(DRAFT)
        .or(page.getByRole('link', { name: '内刊投稿' }))
        .first()
        .waitFor();
      await page.goto(`${gate.url}/admin/#/collections/articles`);
      await page.getByRole('link', { name: '内刊投稿' }).first().waitFor();
      await page.getByText(`${DRAFT} · ${MANAGER_NAME}`).first().waitFor();
      await look('list');

      await page.goto(`${gate.url}/admin/#/collections/articles/new`);
      await page.getByLabel('标题', { exact: true }).waitFor();
      await page.getByLabel('所属区域', { exact: true }).click();
      await page
        .getByRole('option', { name: /华东区/ })
        .first()
        .waitFor();
      await look('relation-open');
      await page.getByLabel('所属区域', { exact: true }).fill('没有这个区');
      await page.getByText('没有匹配的选项').waitFor();
      await look('relation-none');
      // A person is found by the initials of their name's pinyin (徐宁: xn) and shown with their region.
      await page.getByLabel('作者', { exact: true }).fill('xn');
      await page.getByRole('option', { name: '徐宁（华东区）' }).waitFor();
      const found = await page.getByRole('option').allInnerTexts();
      expect(found.every((o) => /^[^\sa-z]+（[^）]+）$/.test(o))).toBe(true);
      await look('person-initials');
      await page.getByLabel('作者', { exact: true }).fill('xuning');
      await page.getByRole('option', { name: '徐宁（华东区）' }).waitFor();
      await page.getByLabel('栏目', { exact: true }).click();
      await page.getByRole('option', { name: '学术活动' }).waitFor();
      await look('select-open');

      await page.goto(`${gate.url}/admin/#/workflow`);
      await page.getByRole('heading', { name: new RegExp(IN_REVIEW) }).waitFor();
      const board = await page.locator('body').innerText();
      for (const words of ['草稿', '审核中', '待发布', '新建内刊投稿']) expect(board).toContain(words);
      expect(board).toContain(`${IN_REVIEW} · ${MANAGER_NAME}`);
      expect(board).toMatch(/\d{1,2}月\d{1,2}日/);
      expect(board).not.toMatch(/审查中|就绪|帖子/);
      await look('board');
      await page.getByRole('heading', { name: new RegExp(DRAFT) }).click();
      await expect
        .poll(() => page.getByLabel('标题', { exact: true }).inputValue(), { timeout: 20_000 })
        .toBe(DRAFT);
      await page.getByRole('button', { name: /状态/ }).click();
      for (const status of ['草稿', '审核中', '待发布']) {
        await page.getByRole('menuitem', { name: status }).waitFor();
      }
      await look('draft-status');
      await page.keyboard.press('Escape');

      await context.close();

      expect(english).toEqual(Object.fromEntries(Object.keys(english).map((k) => [k, []])));
    });
  }
});
