/**
 * Bad input, built for real. The nastiest input the loader accepts (markup and CDATA terminators, entities,
 * edge Unicode, emoji, direction and zero-width characters in bodies, every text at its maximum length) must
 * give an rss.xml that a strict XML parser accepts and pages without a raw control or direction character.
 * What the loader refuses (a symlink out of the tree, control characters in a title) stops the build.
 */
import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { BODY_MAX_CHARS, TITLE_MAX_CHARS } from '../src/model/limits.ts';
import { build, filesBelow, read, type Build } from './support/build.ts';
import { unsafeMarkup } from './support/html-safety.ts';
import { md, writeTree } from './support/tree.ts';

/** Text that breaks naive XML and HTML output, and edge Unicode the loader accepts in any text. */
const NASTY = `]]>&amp;<b>&"'👍🏽𠀀é\u00A0مرحبا\uFFFD\uFDD0<![CDATA[-->`;

/** `text` padded with 题 to exactly `length` UTF-16 units, the unit zod and Decap count. */
const padTo = (text: string, length: number) => text + '题'.repeat(length - text.length);

/** A YAML double-quoted scalar: JSON's escapes (\n, \t, \uXXXX) are YAML's too. */
const q = (text: string) => JSON.stringify(text);

const TITLE = padTo(`标题${NASTY}`, TITLE_MAX_CHARS);

/** Markdown that pushes every escaping path: raw HTML, entities, code, direction and invisible characters. */
const BODY_HEAD = [
  `正文开头 ${NASTY} 金额\u202E001\u202C元，零\u200B宽，全家👨\u200D👩\u200D👧，制表\t符。`,
  '',
  '实体：&#27; &#x202E; &#xFFFE; &#0; &#x85; &bogus; &amp;amp;',
  '',
  '```',
  'if (x ]]> y && a < b) {} // \u2066隔离\u2069',
  '```',
  '',
  `<!-- ]]> --> <![CDATA[ x ]]> <p title="]]>&#27;">段落</p>`,
  '',
  '| 表头 ]]> | <b> |',
  '| --- | --- |',
  `| ${NASTY} | \u202E |`,
  '',
].join('\n');

/** A body of exactly the largest accepted length, counted as the loader counts (code points, with md's \n). */
function longestBody(): string {
  const fill = '填充的段落，写满为止。\n\n';
  const chars = (s: string) => [...s].length;
  let body = `${BODY_HEAD}\n`;
  while (chars(body) + chars(fill) < BODY_MAX_CHARS - 1) body += fill;
  return body + '尾'.repeat(BODY_MAX_CHARS - 1 - chars(body));
}

function nastyTree(): string {
  const region = padTo(`华东${NASTY}`.slice(0, 18), 20);
  const person = (name: string) => q(padTo(`${name}${NASTY}`.slice(0, 19), 20));
  return writeTree({
    'org/regions.yaml': `- { id: east, name: ${q(region)}, manager: zhangwei }\n`,
    'org/people.yaml': [
      `- { id: zhangwei, name: ${person('张伟')}, role: manager, region: east, joined: "2024-01-01" }`,
      `- { id: liuyang, name: ${person('刘洋')}, role: head, joined: "2020-01-01" }`,
      '',
    ].join('\n'),
    'articles/2026/a-longest.md': md(
      [
        `title: ${q(TITLE)}`,
        'region: east',
        'author: zhangwei',
        'category: clinical',
        "submitted: '2026-11-20T09:30:00+08:00'",
        `summary: ${q(padTo(`摘要${NASTY}\n第二行\t制表`, 200))}`,
        `tags: [${Array.from({ length: 8 }, (_, i) => q(padTo(`${i}${NASTY}`.slice(0, 18), 20))).join(', ')}]`,
        // Covers are uploads only (src/model/media.ts): markup in one is refused, so this is a plain upload.
        `cover: ${q('/uploads/20261120-zhangwei-0123abcd.webp')}`,
      ].join('\n'),
      longestBody(),
    ),
    // No summary: the feed's description is made from the body.
    'articles/2026/b-body-excerpt.md': md(
      `title: ${q(`摘自正文${NASTY}`)}\nregion: east\nauthor: zhangwei\ncategory: other\nsubmitted: '2026-11-21T09:30:00+08:00'`,
      BODY_HEAD,
    ),
    'meetings/2026/m.md': md(
      [
        `title: ${q(padTo(`会议${NASTY}`, TITLE_MAX_CHARS))}`,
        'kind: regional',
        'region: east',
        'organizer: zhangwei',
        "start: '2026-11-18T14:00:00+08:00'",
        "applied: '2026-11-10T10:00:00+08:00'",
        "filed: '2026-11-19T10:00:00+08:00'",
        `leaders: [${q(padTo(`王总${NASTY}`.slice(0, 38), 40))}]`,
        `attendees: [${q(`参会${NASTY}`)}, 张伟]`,
      ].join('\n'),
      BODY_HEAD,
    ),
    'reports/2026/r.md': md(
      [
        'kind: weekly',
        'author: zhangwei',
        'region: east',
        'period: 2026-W47',
        "submitted: '2026-11-23T09:00:00+08:00'",
        `progress: ${q(`完成${NASTY}\n\t第二行`)}`,
        `highlights: [${q(`亮点${NASTY}`)}]`,
        `problems: [${q(`问题${NASTY}`)}]`,
        `support: ${q(`支持${NASTY}`)}`,
        `plan: ${q(`计划${NASTY}`)}`,
      ].join('\n'),
      BODY_HEAD,
    ),
  });
}

/** Every well-formedness error of an XML document, by a parser that checks the XML 1.0 spec strictly. */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

/** The decoded text of each element named `tag`, as an XML reader sees it. */
function xmlTexts(xml: string, tag: string): string[] {
  const texts: string[] = [];
  const parser = new SaxesParser();
  let current: string | undefined;
  parser.on('opentag', (t) => {
    if (t.name === tag) current = '';
  });
  parser.on('text', (t) => {
    if (current !== undefined) current += t;
  });
  parser.on('cdata', (t) => {
    if (current !== undefined) current += t;
  });
  parser.on('closetag', (t) => {
    if (t.name === tag && current !== undefined) texts.push(current);
    if (t.name === tag) current = undefined;
  });
  parser.write(xml).close();
  return texts;
}

/**
 * The first character no page may hold raw: a control (but tab, LF, CR), U+FFFE/U+FFFF, a direction override
 * or isolate. Listed apart from src/model/text.ts, so that a gap in that table is caught here.
 */
function rawCharacter(text: string): string | undefined {
  let index = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
    const direction = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    if (control || direction || c === 0xfffe || c === 0xffff) return `U+${c.toString(16)} at ${index}`;
    index += char.length;
  }
  return undefined;
}

describe('a build of the nastiest accepted input', () => {
  let root: string;
  let site: Build;
  beforeAll(() => {
    root = nastyTree();
    site = build(root);
  });

  it('is accepted by the loader and builds', () => {
    expect(loadContent(root).problems).toEqual([]);
    expect(site.status, site.output).toBe(0);
  });

  it('gives an rss.xml that a strict XML parser accepts, with every title as written', () => {
    // The checker itself: what a lenient parser lets through, this one refuses.
    for (const bad of ['<a>\u0000</a>', '<a>\u001b</a>', '<a>x]]>y</a>', '<a>&#0;</a>', '<a>\uFFFE</a>'])
      expect(xmlErrors(bad), JSON.stringify(bad)).not.toEqual([]);
    const rss = read(site.outDir, 'rss.xml');
    expect(xmlErrors(rss)).toEqual([]);
    const titles = xmlTexts(rss, 'title');
    expect(titles).toContain(TITLE);
    expect(titles).toContain(`摘自正文${NASTY}`);
    const descriptions = xmlTexts(rss, 'description').join('\n');
    expect(descriptions).toContain('〔文字方向控制符 U+202E〕');
    expect(rawCharacter(descriptions)).toBeUndefined();
    expect(xmlTexts(rss, 'category').join('')).toContain(NASTY.slice(0, 8));
  });

  it('leaves no raw control or direction character, and no unsafe markup, on any page', () => {
    const pages = filesBelow(site.outDir).filter((f) => /\.(html|xml|json|csv|txt)$/.test(f));
    expect(pages).toEqual(
      expect.arrayContaining([
        'articles/a-longest/index.html',
        'articles/b-body-excerpt/index.html',
        'meetings/m/index.html',
        'manage/reports/r/index.html',
        'rss.xml',
      ]),
    );
    for (const page of pages) {
      const text = read(site.outDir, page);
      expect(rawCharacter(text), page).toBeUndefined();
      if (page.endsWith('.html')) expect(unsafeMarkup(text), page).toEqual([]);
    }
  });

  it('shows direction and invisible characters of bodies as markers, and joined emoji as emoji', () => {
    for (const page of ['articles/b-body-excerpt/index.html', 'meetings/m/index.html']) {
      const html = read(site.outDir, page);
      expect(html, page).toContain('金额〔文字方向控制符 U+202E〕001〔文字方向控制符 U+202C〕元');
      expect(html, page).toContain('零〔零宽字符 U+200B〕宽');
      expect(html, page).toContain('👨\u200D👩\u200D👧');
      expect(html, page).toContain('〔控制字符 U+001B〕');
    }
    expect(read(site.outDir, 'manage/reports/r/index.html')).toContain('〔文字方向控制符 U+202E〕');
  });

  it('keeps the longest title whole and escaped', () => {
    const html = read(site.outDir, 'articles/a-longest/index.html');
    expect(html).toContain('标题]]&gt;&amp;amp;&lt;b&gt;&amp;');
    expect(html).toContain('👍🏽𠀀é');
  });
});

describe('a build of refused input', () => {
  it('stops on a symlink to an article outside the tree and on control characters in a title', () => {
    const outside = mkdtempSync(join(tmpdir(), 'portal-outside-'));
    const article = (title: string) =>
      md(
        `title: ${title}\nregion: east\nauthor: zhangwei\ncategory: other\nsubmitted: '2026-11-20T09:30:00+08:00'`,
        '仓库外的机密正文。',
      );
    writeFileSync(join(outside, 'secret.md'), article('仓库外的文件'));
    const root = writeTree({
      'org/regions.yaml': '- { id: east, name: 华东区, manager: zhangwei }\n',
      'org/people.yaml':
        '- { id: zhangwei, name: 张伟, role: manager, region: east, joined: "2024-01-01" }\n',
      'articles/2026/nul.md': article('"一次\\0成功"'),
      'articles/2026/esc.md': article('"一次\\e成功"'),
      'articles/2026/bel.md': article('"一次\\x07成功"'),
      'articles/2026/rlo.md': article('"一次\\u202E功成"'),
    });
    symlinkSync(join(outside, 'secret.md'), join(root, 'articles/2026/linked.md'));
    symlinkSync('/etc/passwd', join(root, 'articles/2026/passwd.md'));
    const result = build(root);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('内容校验未通过：6 个文件，共 6 个问题');
    for (const text of [
      'U+0000',
      'U+001B',
      'U+0007',
      'U+202E',
      `是符号链接（指向 ${join(outside, 'secret.md')}）`,
    ])
      expect(result.output).toContain(text);
    expect(result.output).toContain('是符号链接（指向 /etc/passwd）');
    expect(readdirSync(result.outDir)).toEqual([]);
  });
});
