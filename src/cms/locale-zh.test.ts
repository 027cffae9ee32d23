import { describe, expect, it } from 'vitest';
import { flatPhrases, portalPhrases, type Phrases } from './locale-zh.ts';

/** A locale the Decap bundle was built from (decap-cms-locales, installed with decap-cms; it has no types). */
async function decapLocale(name: string): Promise<Phrases> {
  const url = new URL(`../../node_modules/decap-cms-locales/dist/esm/${name}/index.js`, import.meta.url);
  return ((await import(url.href)) as { default: Phrases }).default;
}

const english = flatPhrases(await decapLocale('en'));
const portal = flatPhrases(portalPhrases(await decapLocale('zh_Hans')));

/** A phrase with its placeholders and the allowed Latin words (product names, file formats) removed. */
const latinLeft = (text: string) =>
  text
    .replace(/%\{\w+\}/g, '')
    .replace(/Markdown|Forgejo|Gitea|GitHub|Github|GitLab|Bitbucket|Azure|Netlify|Ctrl|Enter/g, '')
    .match(/[A-Za-z]{3,}/g);

describe('the admin’s Chinese phrases', () => {
  it('has Chinese for every key of Decap’s English locale', () => {
    expect(english.size).toBeGreaterThan(200);
    const missing = [...english.keys()].filter((k) => !portal.has(k));
    expect(missing).toEqual([]);
    const untranslated = [...english].filter(([k, text]) => portal.get(k) === text && latinLeft(text));
    expect(untranslated).toEqual([]);
  });

  it('keeps every placeholder the English phrase has', () => {
    const lost = [...english].flatMap(([key, text]) =>
      (text.match(/%\{\w+\}/g) ?? [])
        .filter((p) => !(key.endsWith('widgetLabel') || portal.get(key)!.includes(p)))
        .map((p) => `${key} ${p}`),
    );
    expect(lost).toEqual([]);
  });

  it('uses the department’s status words on the board and in the status menu', () => {
    const words = ['草稿', '审核中', '待发布'];
    const menu = ['draft', 'inReview', 'ready'].map((k) => portal.get(`editor.editorToolbar.${k}`));
    const board = ['draftHeader', 'inReviewHeader', 'readyHeader'].map((k) =>
      portal.get(`workflow.workflowList.${k}`),
    );
    expect(menu).toEqual(words);
    expect(board).toEqual(words);
    expect(portal.get('workflow.workflow.newPost')).toBe('新建内刊投稿');
    expect([...portal.values()].filter((t) => /就绪|审查|帖子/.test(t))).toEqual([]);
  });

  it('dates board cards as 11月30日', async () => {
    const { default: dayjs } = await import('dayjs');
    // Decap formats a card's date in the browser's own zone: the format is what is tested, on a local date.
    expect(dayjs(new Date(2026, 10, 30, 9)).format(portal.get('workflow.workflow.dateFormat'))).toBe(
      '11月30日',
    );
  });
});
