/**
 * The preview is the site (issue 11): Debian's Chromium on /admin/ of a real build through the real gate. An
 * existing article, two reports and a meeting, each opened by its author, show in Decap's preview iframe the
 * same elements, classes and texts as their built pages, laid out by the same stylesheet (tables bordered,
 * the site's fonts); the achievement report its figures table with achievement rates. A new article's
 * preview follows the form as it is typed; at phone width nothing sticks out. The admin page's CSP blocks
 * nothing. Screenshots of the previews go to test-results/screenshots/cms-preview-*.png.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminSession, openAdmin as openAdminAs } from './support/admin-session.ts';
import { SCREENSHOTS } from './support/browser.ts';

/** A rep's article with a table and tags (content/articles/2025/2025-12-08-caoshaohua-1116.md). */
const ARTICLE = {
  author: 'caoshaohua',
  entry: '2025/2025-12-08-caoshaohua-1116',
  page: '/articles/2025-12-08-caoshaohua-1116/',
};
/** A rep's daily report with its sections (完成情况, 下期计划) and a body. */
const DAILY = {
  author: 'mengzihan',
  entry: '2025/daily-2025-12-01-mengzihan',
  page: '/manage/reports/daily-2025-12-01-mengzihan/',
};
/** A 销售沟通会 with leaders, attendees, application and filing times and a memo, opened by its organiser. */
const MEETING = {
  organizer: 'luoxinhua',
  entry: '2025/2025-12-02-regional-east-1000',
  page: '/meetings/2025-12-02-regional-east-1000/',
};
/** A manager's quarterly achievement report with five figures. */
const REPORT = {
  author: 'wangfeng',
  entry: '2026/achievement-2026-q1-wangfeng',
  page: '/manage/reports/achievement-2026-q1-wangfeng/',
};

const session = adminSession();

/**
 * The outline of an element as a reader and the stylesheet meet it: each element's tag and classes, each text
 * (whitespace collapsed), in document order. Hidden elements (pagefind's facts) are left out; attributes
 * other than class are not compared (the page's data-pagefind-* and Astro's data-astro-* are the page's own).
 */
function outline(root: Element): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
      return;
    }
    if (!(node instanceof Element) || node.hasAttribute('hidden')) return;
    const classes = [...node.classList].sort().join('.');
    out.push(`<${node.tagName.toLowerCase()}${classes ? `.${classes}` : ''}>`);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** What the stylesheet made of a few elements: enough to tell the site's layout from a browser's defaults. */
function looks(root: Element) {
  const style = (selector: string) => {
    const e = root.querySelector(selector);
    if (!e) return undefined;
    const s = getComputedStyle(e);
    return {
      fontFamily: s.fontFamily,
      fontSize: s.fontSize,
      display: s.display,
      border: `${s.borderTopWidth} ${s.borderTopStyle}`,
      color: s.color,
    };
  };
  return {
    h1: style('h1'),
    facts: style('dl'),
    dt: style('dt'),
    prose: style('.prose'),
    cell: style('.prose td'),
    figuresCell: style('.figures td'),
  };
}

/** The admin as `person` at desktop width, logged in, recording CSP violations. */
/** The admin as `person` on a wide screen: form and preview side by side. */
const openAdmin = (person: string) =>
  openAdminAs(session, person, { viewport: { width: 1440, height: 1000 } });

/** The preview iframe of an entry opened in the editor, once its page has rendered there. */
async function preview(page: Page, collection: string, entry: string): Promise<Frame> {
  await page.goto(`${session.gate.url}/admin/#/collections/${collection}/entries/${entry}`);
  const frame = await (await page.locator('#preview-pane').elementHandle())!.contentFrame();
  await frame!.locator('main h1').waitFor();
  // The stylesheet loads after the markup: wait until it applies (the facts list becomes a grid).
  await frame!.waitForFunction(() => getComputedStyle(document.querySelector('main dl')!).display === 'grid');
  return frame!;
}

describe('the CMS preview', () => {
  it('shows an article as its built page: same elements, classes, texts and styles', async () => {
    const admin = await openAdmin(ARTICLE.author);
    const frame = await preview(admin.page, 'articles', ARTICLE.entry);
    const shown = await frame.locator('main article').evaluate(outline);
    const shownText = await frame.locator('main article').textContent();
    const shownLooks = await frame.locator('main article').evaluate(looks);
    await admin.page.screenshot({ path: `${SCREENSHOTS}/cms-preview-article.png` });

    const site = await admin.page.context().newPage();
    await site.goto(`${session.gate.url}${ARTICLE.page}`);
    const built = await site.locator('main article').evaluate(outline);
    const builtLooks = await site.locator('main article').evaluate(looks);

    // Names and labels, not ids; the date as the site writes it; the table's cells.
    expect(shownText).toContain('西北区');
    expect(shownText).toContain('曹少华（临床推广代表/业务员）');
    expect(shownText).toContain('销售心得');
    expect(shownText).toContain('2025年12月8日 11:16（北京时间）');
    expect(shown).toContain('<table>');
    expect(shown).toEqual(built);
    expect(shownLooks).toEqual(builtLooks);
    expect(shownLooks.cell?.border).toBe('1px solid');
    expect(shownLooks.h1?.fontFamily).toContain('WenQuanYi');
    expect(admin.blocked).toEqual([]);
    await admin.close();
  });

  it('shows reports as their pages do: sections, figures table with achievement rates, body', async () => {
    for (const report of [REPORT, DAILY]) {
      const admin = await openAdmin(report.author);
      const frame = await preview(admin.page, 'reports', report.entry);
      const shown = await frame.locator('main').evaluate(outline);
      const shownLooks = await frame.locator('main').evaluate(looks);
      if (report === REPORT) await admin.page.screenshot({ path: `${SCREENSHOTS}/cms-preview-report.png` });

      const site = await admin.page.context().newPage();
      await site.goto(`${session.gate.url}${report.page}`);
      // The managers-only notice is the /manage/ area's, not the report's: the preview leaves it out.
      await site.locator('.manage-notice').evaluate((e) => e.remove());
      expect(shown).toEqual(await site.locator('main').evaluate(outline));
      expect(shownLooks).toEqual(await site.locator('main').evaluate(looks));
      if (report === REPORT) {
        expect(shown).toContain('达成率');
        expect(shown).toContain('114.9%');
      } else expect(shown).toContain('<section.report-section>');
      expect(admin.blocked).toEqual([]);
      await admin.close();
    }
  });

  it('shows a meeting as its built page: same elements, classes and texts', async () => {
    const admin = await openAdmin(MEETING.organizer);
    const frame = await preview(admin.page, 'meetings', MEETING.entry);
    const shown = await frame.locator('main article').evaluate(outline);
    await admin.page.screenshot({ path: `${SCREENSHOTS}/cms-preview-meeting.png` });

    const site = await admin.page.context().newPage();
    await site.goto(`${session.gate.url}${MEETING.page}`);
    expect(shown.join('')).toContain('罗新华（销售经理）');
    expect(shown.join('')).toContain('参会人员（6 人）');
    expect(shown).toEqual(await site.locator('main article').evaluate(outline));
    expect(admin.blocked).toEqual([]);
    await admin.close();
  });

  it('follows a new article as it is typed, from an empty form to a bordered table', async () => {
    const admin = await openAdmin(ARTICLE.author);
    await admin.page.goto(`${session.gate.url}/admin/#/collections/articles/new`);
    const frame = await (await admin.page.locator('#preview-pane').elementHandle())!.contentFrame();
    const article = frame!.locator('main article');
    await expect.poll(() => article.textContent()).toContain('投稿时间保存时由系统填写');
    expect(await article.textContent()).toContain('未填写');

    await admin.page.getByLabel('标题', { exact: true }).fill('新写的一篇');
    await admin.page.getByRole('switch').click();
    await admin.page.getByRole('textbox').last().click();
    for (const line of ['| 医院 | 拜访 |', '|---|---:|', '| 市一院 | 3 |']) {
      await admin.page.keyboard.insertText(line);
      await admin.page.keyboard.press('Enter');
    }
    await frame!.locator('.prose td').first().waitFor();
    expect(await frame!.locator('main h1').textContent()).toBe('新写的一篇');
    // The frame's stylesheet may still be loading when the first cell appears.
    await expect
      .poll(() =>
        frame!
          .locator('.prose td')
          .last()
          .evaluate((e) => getComputedStyle(e).borderTopWidth),
      )
      .toBe('1px');
    expect(admin.blocked).toEqual([]);
    await admin.close();
  });

  it('fits a phone-wide preview: nothing wider than the frame, the site’s phone layout', async () => {
    // The preview's place on a phone (a tab) is the admin's own stylesheet; here only its content is checked,
    // in a frame made 390 px wide.
    for (const [collection, entry] of [
      ['articles', ARTICLE],
      ['reports', REPORT],
    ] as const) {
      const admin = await openAdmin(entry.author);
      const frame = await preview(admin.page, collection, entry.entry);
      await admin.page.locator('#preview-pane').evaluate((e: HTMLElement) => {
        e.style.width = '390px';
        e.style.flex = 'none';
      });
      await frame.waitForFunction(() => document.documentElement.clientWidth === 390);
      const wider = await frame.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          // A wide table scrolls inside its own box (the site's .prose table), its cells may lie beyond.
          .filter((e) => !e.closest('table'))
          .map((e) => e.tagName),
      );
      expect(wider).toEqual([]);
      expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await admin.page
        .locator('#preview-pane')
        .screenshot({ path: `${SCREENSHOTS}/cms-preview-${collection}-phone.png` });
      await admin.close();
    }
  });
});
