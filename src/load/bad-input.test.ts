/**
 * Bad input on disk, with real files in temporary folders: links out of the tree, special files, oversized
 * files and bodies, and control, direction and invisible characters. Each is refused with its own message, in
 * the same run as every other problem.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE, ORG, md, writeTree } from '../../test/support/tree.ts';
import { BODY_MAX_CHARS, ORG_FILE_MAX_BYTES, SUBMISSION_FILE_MAX_BYTES } from '../model/limits.ts';
import { findRefused } from '../model/text.ts';
import { scanContent } from './files.ts';
import { loadContent } from './load.ts';
import { formatProblems, type Problem } from './problems.ts';

/** A valid article whose front matter has `title` replaced by the given YAML value. */
const articleTitled = (yamlValue: string, body = '正文。') =>
  md(
    `title: ${yamlValue}\nregion: east\nauthor: wangfang\ncategory: clinical\nsubmitted: '2026-10-12T09:30:00+08:00'`,
    body,
  );

/** A valid article outside any content tree, as a symlink might point to. */
function outsideFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portal-outside-'));
  const path = join(dir, 'secret.md');
  writeFileSync(path, articleTitled('仓库外的机密文件', '机密正文：不应出现在站点上。'));
  return path;
}

const messagesOf = (problems: Problem[], file: string) =>
  problems.filter((p) => p.file.endsWith(file)).map((p) => p.message);

describe('symlinks and special files', () => {
  it('refuses a symlink to a valid file outside the repository, a system file and a directory', () => {
    const root = writeTree({ ...ORG, 'articles/2026/2026-10-12-wangfang-0930.md': ARTICLE });
    const outside = outsideFile();
    symlinkSync(outside, join(root, 'articles/2026/2026-10-13-wangfang-0930.md'));
    symlinkSync('/etc/passwd', join(root, 'articles/2026/passwd.md'));
    symlinkSync(join(outside, '..'), join(root, 'articles/2025'));
    symlinkSync('../org', join(root, 'meetings'));
    const { content, problems } = loadContent(root);

    // Nothing behind a link is read: the outside article is not content, and nothing reports its fields.
    expect(content.articles.map((a) => a.id)).toEqual(['2026-10-12-wangfang-0930']);
    expect(JSON.stringify(content)).not.toContain('机密');
    expect(problems.map((p) => p.file.replace(/^.*portal-content-[^/]+\//, ''))).toEqual([
      'articles/2025',
      'articles/2026/2026-10-13-wangfang-0930.md',
      'articles/2026/passwd.md',
      'meetings',
    ]);
    for (const p of problems) {
      expect(p.message).toMatch(/^是符号链接（指向 .+），已拒绝：内容目录只接受普通文件，不跟随链接/);
      expect(p.message).not.toContain('front matter');
    }
    expect(messagesOf(problems, 'passwd.md')[0]).toContain('指向 /etc/passwd');
  });

  it('does not loop on a link to a parent directory', () => {
    const root = writeTree({ ...ORG });
    mkdirSync(join(root, 'articles/2026'), { recursive: true });
    symlinkSync('..', join(root, 'articles/2026/loop'));
    const { problems } = loadContent(root);
    expect(problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('是符号链接（指向 ..）') }),
    ]);
  });

  it('refuses a named pipe without opening it (opening one would hang the build)', () => {
    const root = writeTree({ ...ORG });
    mkdirSync(join(root, 'articles/2026'), { recursive: true });
    execFileSync('mkfifo', [join(root, 'articles/2026/pipe.md')]);
    const { problems } = loadContent(root);
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/articles\/2026\/pipe\.md$/),
        message: '是命名管道，已拒绝：内容目录只接受普通文件',
      }),
    ]);
  });

  it('lists regular files only, and every refused entry once', () => {
    const root = writeTree({ 'a/b.md': 'x', 'a/.gitkeep': '' });
    symlinkSync('b.md', join(root, 'a/c.md'));
    symlinkSync('/etc/passwd', join(root, 'a/.gitkeep2'));
    expect(scanContent(root)).toEqual({
      files: ['a/b.md'],
      refused: [
        { path: 'a/.gitkeep2', message: expect.stringContaining('符号链接') },
        { path: 'a/c.md', message: expect.stringContaining('符号链接') },
      ],
    });
  });
});

describe('size limits', () => {
  it('refuses a file over the limit before reading it, and says the limit', () => {
    const big = articleTitled('很大的文件', `${'长'.repeat(SUBMISSION_FILE_MAX_BYTES / 3)}\n`);
    // Broken YAML too: had the file been parsed, a syntax error would be reported as well.
    const root = writeTree({ ...ORG, 'articles/2026/big.md': big.replace('region: east', 'region: [east') });
    const { problems } = loadContent(root);
    expect(messagesOf(problems, 'big.md')).toEqual([
      expect.stringMatching(/^文件太大（256(\.\d)? KiB）：投稿文件最大 256 KiB，未读取/),
    ]);
  });

  it('gives org files room for a large roster, and a limit of their own', () => {
    const people = ORG['org/people.yaml'] + `# ${'注'.repeat(ORG_FILE_MAX_BYTES / 3)}\n`;
    const { problems } = loadContent(writeTree({ ...ORG, 'org/people.yaml': people }));
    expect(problems[0]?.message).toMatch(/^文件太大（.+）：org\/ 下的文件最大 1 MiB/);
    const fine = ORG['org/people.yaml'] + `# ${'注'.repeat(SUBMISSION_FILE_MAX_BYTES / 3)}\n`;
    expect(loadContent(writeTree({ ...ORG, 'org/people.yaml': fine })).problems).toEqual([]);
  });

  it('refuses a body over the limit, at the line it starts on, with the count', () => {
    const root = writeTree({
      ...ORG,
      'articles/2026/long.md': articleTitled('很长的正文', 'a'.repeat(BODY_MAX_CHARS)),
      'articles/2026/just.md': articleTitled('刚好的正文', '正'.repeat(BODY_MAX_CHARS - 1)),
    });
    const { content, problems } = loadContent(root);
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'body',
        label: '正文',
        line: 9,
        message: '共 60,001 字，超过上限 60,000 字；请精简或分成几篇',
      }),
    ]);
    expect(content.articles.map((a) => a.id)).toEqual(['just']);
  });
});

describe('characters', () => {
  it.each([
    ['"一次\\0成功"', '控制字符 U+0000（第 3 个字）'],
    ['"一次\\e成功"', '控制字符 U+001B（第 3 个字）'],
    ['"一次\\x07成功"', '控制字符 U+0007（第 3 个字）'],
    ['"一次\\x85成功"', '控制字符 U+0085（第 3 个字）'],
    ['"一次\\u202E功成"', '文字方向控制符 U+202E（第 3 个字）'],
    ['"一次\\u2067功成"', '文字方向控制符 U+2067（第 3 个字）'],
    ['"一次\\u200B成功"', '零宽字符 U+200B（第 3 个字）'],
    ['"一次\\uFEFF成功"', '零宽字符 U+FEFF（第 3 个字）'],
    ['"一次\\n成功"', '换行符或制表符 U+000A（第 3 个字）'],
    ['"一次\\uFFFF成功"', '非字符 U+FFFF（第 3 个字）'],
  ])('refuses the title %s with the character named', (value, expected) => {
    const { content, problems } = loadContent(
      writeTree({ ...ORG, 'articles/2026/t.md': articleTitled(value) }),
    );
    expect(content.articles).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'title',
        label: '标题',
        line: 2,
        message: expect.stringContaining(expected),
      }),
    ]);
  });

  it('refuses raw control bytes in the file, in a name of the roster and in a multi-line field', () => {
    const root = writeTree({
      ...ORG,
      'org/regions.yaml': ORG['org/regions.yaml'].replace('华南区', '华\u0007南区'),
      'reports/2026/r.md': md(
        `kind: weekly\nauthor: zhangwei\nregion: east\nperiod: 2026-W42\nsubmitted: '2026-10-19T11:58:00+08:00'\nprogress: "完成\\t情况\\n第二行\\u202E"`,
      ),
    });
    const { problems } = loadContent(root);
    expect(problems).toEqual([
      expect.objectContaining({
        key: '1.name',
        label: '第 2 项 › 区域名称',
        message: expect.stringContaining('U+0007'),
      }),
      expect.objectContaining({
        key: 'progress',
        label: '完成情况',
        message: expect.stringContaining('文字方向控制符 U+202E'),
      }),
    ]);
  });

  it('refuses control characters in a body, at their line, and lets direction and invisible ones through', () => {
    const root = writeTree({
      ...ORG,
      'articles/2026/esc.md': articleTitled('正文里的控制字符', '第一段。\n\n第二段\u001b[31m红色。'),
      'articles/2026/bidi.md': articleTitled(
        '正文里的方向字符',
        '金额\u202E001\u202C元，零\u200B宽，👨\u200D👩\u200D👧。',
      ),
    });
    const { content, problems } = loadContent(root);
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'body',
        line: 11,
        message: expect.stringContaining('控制字符 U+001B（该行第 4 个字）'),
      }),
    ]);
    expect(content.articles.map((a) => a.id)).toEqual(['bidi']);
  });

  it('reports every problem of every file in one run, and never prints a raw control character', () => {
    const root = writeTree({
      ...ORG,
      'articles/2026/a.md': articleTitled(
        '"标题\\e[2J"',
        `正文\u0000。\n${'x'.repeat(BODY_MAX_CHARS)}`,
      ).replace('category: clinical', 'category: "\\e[31m"'),
      'articles/2026/b.md': articleTitled('"\\u202E正常"'),
    });
    symlinkSync('/etc/passwd', join(root, 'articles/2026/c.md'));
    const { problems } = loadContent(root);
    const report = formatProblems(problems);
    expect(report).toMatch(/内容校验未通过：3 个文件，共 6 个问题/);
    for (const text of [
      '超过上限',
      '控制字符 U+0000',
      '标题',
      'category（栏目）',
      '是符号链接（指向 /etc/passwd）',
      'U+202E',
    ])
      expect(report).toContain(text);
    expect(report).toContain('“<U+001B>[31m” 不是可选值');
    // Line breaks belong to the report's layout; nothing else a terminal would act on is left raw.
    expect(findRefused(report, 'multiline')).toBeUndefined();
  });
});

it('runs on a machine with mkfifo', () => {
  // The pipe test above needs it; every Linux and macOS has it.
  expect(existsSync('/usr/bin/mkfifo') || existsSync('/bin/mkfifo')).toBe(true);
});
