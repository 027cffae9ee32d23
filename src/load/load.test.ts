import { describe, expect, it } from 'vitest';
import { ARTICLE, ORG, md, writeTree } from '../../test/support/tree.ts';
import { loadContent } from './load.ts';
import { formatProblems } from './problems.ts';

describe('loadContent on valid content', () => {
  it('loads every collection and reports nothing', () => {
    const root = writeTree({
      ...ORG,
      'org/calendar.yaml': `meetings:\n  - { kind: monthly, period: '2026-09', start: '2026-09-24T13:30:00+08:00' }\n`,
      'articles/2026/2026-10-12-wangfang-0930.md': ARTICLE,
      'meetings/2026/m1.md': md(`
title: 华东区十月销售沟通会
kind: regional
region: east
organizer: zhangwei
start: '2026-10-20T14:00:00+08:00'
applied: '2026-10-15T10:00:00+08:00'
leaders: [王总（营销副总）]
filed: '2026-10-21T09:00:00+08:00'
`),
      'reports/2026/weekly-2026-w42-zhangwei.md': md(`
kind: weekly
author: zhangwei
region: east
period: 2026-W42
submitted: '2026-10-19T11:58:00+08:00'
highlights: [新开发两家医院]
`),
      'articles/.gitkeep': '',
    });
    const { content, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(content.regions.map((r) => r.id)).toEqual(['east', 'south']);
    expect(content.people).toHaveLength(4);
    expect(content.calendar.meetings).toHaveLength(1);
    expect(content.articles[0]).toMatchObject({ id: '2026-10-12-wangfang-0930', data: { region: 'east' } });
    expect(content.articles[0]!.body).toBe('正文。\n');
    expect(content.meetings[0]!.data.leaders).toEqual(['王总（营销副总）']);
    expect(content.reports[0]!.data.period).toBe('2026-W42');
  });

  it('keeps unquoted YAML timestamps as the text written, never as Dates', () => {
    const root = writeTree({
      ...ORG,
      'articles/a.md': md(`
title: 未加引号的时间
region: east
author: wangfang
category: other
submitted: 2026-10-12T09:30:00+08:00
`),
    });
    const { content, problems } = loadContent(root);
    expect(problems).toEqual([]);
    expect(content.articles[0]!.data.submitted).toBe('2026-10-12T09:30:00+08:00');
    expect(content.people[0]!.joined).toBe('2024-01-01');
  });
});

describe('loadContent on broken content', () => {
  /** Each broken file, with a fragment of the message it must produce, all loaded in one run. */
  const broken: Record<string, { text: string | Uint8Array; expect: string; key?: string }> = {
    'articles/no-offset.md': {
      text: ARTICLE.replace("'2026-10-12T09:30:00+08:00'", "'2026-10-12T09:30:00'"),
      key: 'submitted',
      expect: '缺少时区',
    },
    'articles/impossible-day.md': {
      text: ARTICLE.replace('2026-10-12T09', '2024-02-30T09'),
      key: 'submitted',
      expect: '不是存在的时间',
    },
    'articles/impossible-month.md': {
      text: ARTICLE.replace('2026-10-12T09', '2024-13-45T09'),
      key: 'submitted',
      expect: '不是存在的时间',
    },
    'articles/unknown-region.md': {
      text: ARTICLE.replace('region: east', 'region: eest'),
      key: 'region',
      expect: '区域 “eest” 不存在',
    },
    'articles/unknown-author.md': {
      text: ARTICLE.replace('author: wangfang', 'author: nobody'),
      key: 'author',
      expect: '人员 “nobody” 不存在',
    },
    'articles/bad-category.md': {
      text: ARTICLE.replace('category: clinical', 'category: sports'),
      key: 'category',
      expect: '不是可选值',
    },
    'articles/typo-field.md': { text: ARTICLE.replace('title:', 'titel:'), key: 'titel', expect: '未知字段' },
    'articles/missing-title.md': {
      text: ARTICLE.replace(/title: .*\n/, ''),
      key: 'title',
      expect: '缺少必填字段',
    },
    'articles/duplicate-key.md': {
      text: ARTICLE.replace('category: clinical', 'category: clinical\ncategory: other'),
      expect: '同一字段写了两次',
    },
    'articles/yaml-error.md': { text: md('title: [没有闭合\nregion: east'), expect: 'YAML 语法错误' },
    'articles/no-front-matter.md': { text: '只有正文，没有字段。\n', expect: '缺少开头的 front matter' },
    'articles/empty.md': { text: '', expect: '文件是空的' },
    'articles/latin1.md': {
      text: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xff, 0x0a]),
      expect: 'UTF-8',
    },
    'articles/script.mdx': { text: ARTICLE, expect: '.mdx' },
    'articles/notes.txt': { text: 'x', expect: '只能是 .md' },
    'articles/Bad_Name.md': { text: ARTICLE, expect: '文件名只能用小写' },
    'articles/2025/dup.md': { text: ARTICLE, expect: '' },
    'articles/2026/dup.md': { text: ARTICLE, expect: '重复' },
    'reports/week-54.md': {
      text: md(
        `kind: weekly\nauthor: zhangwei\nregion: east\nperiod: 2026-W54\nsubmitted: '2026-10-19T11:58:00+08:00'`,
      ),
      key: 'period',
      expect: 'ISO 周 “2026-W54” 不存在',
    },
    'reports/kind-mismatch.md': {
      text: md(
        `kind: monthly\nauthor: zhangwei\nregion: east\nperiod: 2026-W42\nsubmitted: '2026-10-19T11:58:00+08:00'`,
      ),
      key: 'period',
      expect: '应为月份',
    },
    'reports/achievement.md': {
      text: md(
        `kind: achievement\nauthor: zhangwei\nregion: east\nperiod: 2026-Q4\nsubmitted: '2026-12-20T10:00:00+08:00'\nfigures: { sales: { target: 10, actual: -1 } }`,
      ),
      key: 'figures.sales.actual',
      expect: '不能为负数',
    },
    'meetings/no-region.md': {
      text: md(`title: 办事处会议\nkind: office\norganizer: zhangwei\nstart: '2026-10-20T14:00:00+08:00'`),
      key: 'region',
      expect: '会议类型为办事处会议时必填',
    },
    'stray.txt': { text: 'x', expect: '根目录下不应有文件' },
    'org/extra.yaml': { text: 'x: 1', expect: '不认识的文件' },
  };

  const root = writeTree({
    ...ORG,
    'org/people.yaml': `${ORG['org/people.yaml']}- { id: gone, name: 离职者, role: rep, region: north, joined: '2026-03-01', left: '2026-02-01' }\n- { id: bad, name: 日期错, role: rep, region: east, joined: 2024-02-30 }\n`,
    ...Object.fromEntries(Object.entries(broken).map(([path, b]) => [path, b.text])),
  });
  const { problems, content } = loadContent(root);
  const report = formatProblems(problems);

  it.each(Object.entries(broken).filter(([, b]) => b.expect !== ''))('reports %s', (path, b) => {
    const mine = problems.filter((p) => p.file.endsWith(`/${path}`));
    expect(mine.length, report).toBeGreaterThan(0);
    expect(mine.map((p) => p.message).join('\n')).toContain(b.expect);
    if (b.key) expect(mine.map((p) => p.key)).toContain(b.key);
  });

  it('reports roster problems with their record, key and line, and checks references of invalid records too', () => {
    const roster = problems.filter((p) => p.file.endsWith('/org/people.yaml'));
    expect(roster).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: '4.left', message: expect.stringContaining('不能早于入职日期') }),
        expect.objectContaining({ key: '4.region', message: expect.stringContaining('区域 “north” 不存在') }),
        expect.objectContaining({
          key: '5.joined',
          line: 6,
          message: expect.stringContaining('不是存在的日期'),
        }),
      ]),
    );
  });

  it('lists every broken file in one Chinese report and keeps the good ones', () => {
    const files = new Set(problems.map((p) => p.file));
    // Every entry of the table but one of the two duplicates, plus the roster.
    expect(files.size).toBe(Object.keys(broken).length - 1 + 1);
    expect(report).toMatch(/^内容校验未通过：\d+ 个文件，共 \d+ 个问题。/);
    expect(report).toContain('/articles/no-offset.md');
    expect(report).toMatch(/第 \d+ 行 submitted（投稿时间）：/);
    // Records that fail their schema stay out; the first of two duplicates stays in.
    const loaded = content.articles.map((a) => a.id);
    expect(loaded).toContain('dup');
    expect(loaded).not.toContain('no-offset');
    expect(loaded).not.toContain('typo-field');
  });

  it('reports a missing roster and a missing folder instead of failing', () => {
    const files = loadContent(writeTree({ 'articles/a.md': ARTICLE })).problems.map((p) => p.file);
    expect(files.some((f) => f.endsWith('/org/regions.yaml'))).toBe(true);
    expect(files.some((f) => f.endsWith('/org/people.yaml'))).toBe(true);
    expect(loadContent('/nonexistent/content').problems[0]!.message).toContain('找不到内容目录');
  });
});

describe('calendar overrides', () => {
  const override = (kind: string, period: string, start: string) =>
    `  - { kind: ${kind}, period: '${period}', start: '${start}' }\n`;

  it('may be absent, empty or list none', () => {
    for (const text of [undefined, '', 'meetings: []\n', '# 暂无改期\n']) {
      const files: Record<string, string> = { ...ORG };
      if (text !== undefined) files['org/calendar.yaml'] = text;
      const { content, problems } = loadContent(writeTree(files));
      expect(problems, JSON.stringify(text)).toEqual([]);
      expect(content.calendar.meetings).toEqual([]);
    }
  });

  it('reports a second override of the same period instead of letting one silently win', () => {
    const { problems } = loadContent(
      writeTree({
        ...ORG,
        'org/calendar.yaml':
          'meetings:\n' +
          override('monthly', '2026-09', '2026-09-24T13:30:00+08:00') +
          override('monthly', '2026-09', '2026-09-18T13:30:00+08:00') +
          override('quarterly', '2026-Q3', '2026-09-18T13:30:00+08:00'),
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'meetings.1.period',
        message: expect.stringContaining('已在第 1 项改期'),
      }),
    ]);
  });

  it('reports a date far from its period, such as a mistyped year', () => {
    const { problems } = loadContent(
      writeTree({
        ...ORG,
        'org/calendar.yaml':
          'meetings:\n' +
          override('monthly', '2026-09', '2027-09-24T13:30:00+08:00') +
          override('monthly', '2026-10', '2026-11-06T13:30:00+08:00') +
          override('quarterly', '2026-Q4', '2027-02-01T00:00:00+08:00'),
      }),
    );
    expect(problems.map((p) => [p.key, p.line])).toEqual([
      ['meetings.0.start', 2],
      ['meetings.2.start', 4],
    ]);
    expect(problems[0]!.message).toContain('离 2026-09 太远');
  });
});
