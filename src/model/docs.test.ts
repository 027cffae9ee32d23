import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, articles, reports } from './collections/index.ts';
import { checkBody } from '../load/body.ts';
import { contentModelMarkdown } from './docs.ts';
import { BODY_MAX_CHARS, SUBMISSION_FILE_MAX_BYTES, TITLE_MAX_CHARS } from './limits.ts';
import { collectionSchema } from './schema.ts';
import { CHARACTER_GROUPS, markInvisible } from './text.ts';

describe('docs/content-model.md', () => {
  it('is what the model generates (run npm run docs after changing the model)', () => {
    expect(readFileSync('docs/content-model.md', 'utf8')).toBe(contentModelMarkdown());
  });

  it('lists every field of every collection with its Chinese label', () => {
    const doc = contentModelMarkdown();
    for (const c of COLLECTIONS) {
      for (const f of c.fields) expect(doc).toContain(`| \`${f.name}\` | ${f.label} |`);
    }
  });
});

describe('the character rules in docs/content-model.md', () => {
  const doc = readFileSync('docs/content-model.md', 'utf8');
  /** `| 控制字符 | U+… | 拒绝 | 拒绝 | 拒绝 | … |` → the three verdicts of each group. */
  const rows = new Map(
    doc
      .split('\n')
      .map((line) => line.split(' | '))
      .filter((cells) => CHARACTER_GROUPS.some((g) => cells[0] === `| ${g.label}`))
      .map((cells) => [cells[0]!.slice(2), cells.slice(2, 5)] as const),
  );
  const base = {
    title: '一次成功的科室会',
    region: 'east',
    author: 'wangfang',
    category: 'clinical',
    submitted: '2026-10-12T09:30:00+08:00',
  };
  const report = {
    kind: 'weekly',
    author: 'zhangwei',
    region: 'east',
    period: '2026-W42',
    submitted: '2026-10-19T09:30:00+08:00',
  };

  it.each(CHARACTER_GROUPS.map((g) => [g.label, g] as const))(
    '%s: what the page says is what happens',
    (label, g) => {
      const char = String.fromCharCode(parseInt(/\\u([0-9A-F]{4})/.exec(g.chars)![1]!, 16));
      const [line, multiline, body] = rows.get(label)!;
      const title = collectionSchema(articles).safeParse({ ...base, title: `标题${char}标题` }).success;
      const progress = collectionSchema(reports).safeParse({
        ...report,
        progress: `完成${char}情况`,
      }).success;
      const inBody = checkBody(`正文${char}正文`).length === 0;
      expect(line).toBe(title ? '允许' : '拒绝');
      expect(multiline).toBe(progress ? '允许' : '拒绝');
      const marked = markInvisible(char) !== char;
      expect(body).toBe(!inBody ? '拒绝' : marked ? '显示为标记' : '允许');
    },
  );

  it('states the size limits', () => {
    expect(doc).toContain(`${SUBMISSION_FILE_MAX_BYTES / 1024} KiB`);
    expect(doc).toContain(BODY_MAX_CHARS.toLocaleString('en-US'));
    expect(doc).toContain(`标题最多 ${TITLE_MAX_CHARS} 字`);
  });
});
