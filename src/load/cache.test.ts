/**
 * The loader's cache (src/load/cache.ts): a run that reuses stored records gives exactly the result of a run
 * without them, problems, lines and order included; only the files that changed are parsed again, and a cache
 * from other code or a damaged one is ignored. Real files in temporary folders, and the committed sample.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE, ORG, md, writeTree } from '../../test/support/tree.ts';
import { useSettlingClock } from '../../test/support/clock.ts';
import {
  CACHE_ENV,
  LoadCache,
  contentCache,
  forgetResident,
  type CacheOptions,
  type EntryOutcome,
} from './cache.ts';
import { loadContent } from './load.ts';

const LOG = (days: string, person = 'wangfang', month = '2026-10') =>
  md(`person: ${person}\nregion: east\nmonth: '${month}'\ndays:\n${days}`, '');

/** One file of each kind of problem the per-file step or the cross-file checks can report. */
const BROKEN = {
  ...ORG,
  'articles/2026/good.md': ARTICLE,
  'articles/2026/unknown-author.md': ARTICLE.replace('author: wangfang', 'author: nobody'),
  'articles/2026/unknown-region.md': ARTICLE.replace('region: east', 'region: eest'),
  'articles/2026/typo-field.md': ARTICLE.replace('title:', 'titel:').replace(
    'author: wangfang',
    'author: ghost',
  ),
  'articles/2026/bad-time.md': ARTICLE.replace("'2026-10-12T09:30:00+08:00'", "'2026-10-12T09:30:00'"),
  'articles/2026/yaml-error.md': md('title: [没有闭合\nregion: east'),
  'articles/2026/no-front-matter.md': '只有正文，没有字段。\n',
  'articles/2026/empty.md': '',
  'articles/2026/bad-body.md': ARTICLE.replace('正文。', '正文\u202e反向。'),
  'articles/2026/Bad_Name.md': ARTICLE,
  'worklogs/2026/2026-10-wangfang.md': LOG(`  - date: '2026-10-12'\n    calls: 3\n`),
  'worklogs/2026/2026-10-wangfang-2.md': LOG(`  - date: '2026-10-13'\n`),
  'worklogs/2026/2026-11-wangfang.md': LOG(`  - date: '2026-11-02'\n`, 'wangfang', '2026-11'),
  'worklogs/2026/2026-10-nobody.md': LOG(`  - date: '2026-10-12'\n`, 'nobody'),
};

let dir: string;
let options: CacheOptions;
/** Files whose per-file step ran (a miss), in this test. */
let parsed: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portal-load-cache-'));
  options = { dir, code: 'code-1' };
  parsed = [];
  const outcome = LoadCache.prototype.outcome;
  vi.spyOn(LoadCache.prototype, 'outcome').mockImplementation(function (
    this: LoadCache,
    file: string,
    text: string,
    make: () => EntryOutcome,
  ) {
    return outcome.call(this, file, text, () => {
      parsed.push(file.replace(/^.*\/portal-content-[^/]+\//, ''));
      return make();
    });
  });
});

afterEach(() => vi.restoreAllMocks());

const cacheFile = () =>
  join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.bin'))!,
  );

describe('a warm run', () => {
  it('gives the cold result on the committed sample, parsing nothing again', () => {
    const plain = loadContent('content');
    expect(plain.problems).toEqual([]);
    const cold = loadContent('content', { cache: options });
    const entries = parsed.length;
    expect(entries).toBeGreaterThan(500);
    const warm = loadContent('content', { cache: options });
    expect(parsed).toHaveLength(entries);
    expect(cold).toStrictEqual(plain);
    expect(warm).toStrictEqual(plain);
  });

  it('gives the cold result on broken files, with the same problems, lines and order', () => {
    const root = writeTree(BROKEN);
    const plain = loadContent(root);
    // Every kind is there: per-file problems, references with their line, and the duplicate log.
    const messages = plain.problems.map((p) => p.message).join('\n');
    for (const part of [
      '人员 “nobody” 不存在',
      '区域 “eest” 不存在',
      '未知字段',
      'YAML 语法错误',
      '同一姓名、月份',
    ])
      expect(messages).toContain(part);
    expect(plain.problems.find((p) => p.message.includes('“eest”'))?.line).toBe(3);
    expect(plain.problems.find((p) => p.message.includes('“ghost”'))?.line).toBe(4);

    loadContent(root, { cache: options });
    parsed = [];
    const warm = loadContent(root, { cache: options });
    expect(parsed).toEqual([]);
    expect(warm).toStrictEqual(plain);
  });
});

describe('what makes a record stale', () => {
  it('parses an edited and a new file again, and only those', () => {
    const root = writeTree(BROKEN);
    loadContent(root, { cache: options });
    writeFileSync(join(root, 'articles/2026/good.md'), ARTICLE.replace('author: wangfang', 'author: nobody'));
    writeFileSync(join(root, 'articles/2026/unknown-author.md'), ARTICLE);
    writeFileSync(join(root, 'articles/2026/new.md'), ARTICLE.replace('一次成功', '又一次成功'));
    parsed = [];
    const warm = loadContent(root, { cache: options });
    expect(parsed.sort()).toEqual([
      'articles/2026/good.md',
      'articles/2026/new.md',
      'articles/2026/unknown-author.md',
    ]);
    expect(warm).toStrictEqual(loadContent(root));
    expect(warm.problems.some((p) => p.file.endsWith('/good.md') && p.message.includes('“nobody”'))).toBe(
      true,
    );
  });

  it('keeps nothing across a change of the code fingerprint', () => {
    const root = writeTree(BROKEN);
    loadContent(root, { cache: options });
    const all = parsed.length;
    parsed = [];
    const warm = loadContent(root, { cache: { dir, code: 'code-2' } });
    expect(parsed).toHaveLength(all);
    expect(warm).toStrictEqual(loadContent(root));
  });

  it.each([
    ['garbage', () => Buffer.from('not a cache\n')],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 10)],
    ['one byte changed', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 5 ? x ^ 1 : x)))],
    ['an empty file', () => Buffer.alloc(0)],
  ])('ignores a cache file that is %s, and writes a good one', (_, damage) => {
    const root = writeTree(BROKEN);
    loadContent(root, { cache: options });
    const all = parsed.length;
    writeFileSync(cacheFile(), damage(readFileSync(cacheFile())));
    parsed = [];
    expect(loadContent(root, { cache: options })).toStrictEqual(loadContent(root));
    expect(parsed).toHaveLength(all);
    parsed = [];
    loadContent(root, { cache: options });
    expect(parsed).toEqual([]);
  });

  it('replaces the file by rename when a file changed, leaving no temporary file, and not when none did', () => {
    const root = writeTree(BROKEN);
    loadContent(root, { cache: options });
    const first = statSync(cacheFile()).ino;
    loadContent(root, { cache: options });
    expect(statSync(cacheFile()).ino).toBe(first);
    writeFileSync(join(root, 'articles/2026/new.md'), ARTICLE);
    loadContent(root, { cache: options });
    expect(statSync(cacheFile()).ino).not.toBe(first);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

describe('a resident cache (the fast path)', () => {
  const { settle } = useSettlingClock();

  it('takes unchanged files from memory, without reading them, and writes nothing', () => {
    const root = writeTree(BROKEN);
    settle();
    const plain = loadContent(root);
    const resident = { ...options, resident: true };
    expect(loadContent(root, { cache: resident })).toStrictEqual(plain);
    const read = [...parsed];
    expect(read.length).toBeGreaterThan(10);
    const reuse = vi.spyOn(LoadCache.prototype, 'reuse');
    parsed = [];
    const warm = loadContent(root, { cache: resident });
    // Lines of the cross-file problems included: the file is read only when a line is asked for.
    expect(warm).toStrictEqual(plain);
    expect(parsed).toEqual([]);
    // Every file the first load parsed and validated is taken as it was.
    expect(reuse.mock.results.filter((r) => r.value !== undefined)).toHaveLength(read.length);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('sees an edit of the same size, a new file and a removed one', () => {
    const root = writeTree(BROKEN);
    const resident = { ...options, resident: true };
    settle();
    loadContent(root, { cache: resident });
    writeFileSync(
      join(root, 'articles/2026/good.md'),
      ARTICLE.replace('author: wangfang', 'author: wangfanx'),
    );
    writeFileSync(join(root, 'articles/2026/new.md'), ARTICLE.replace('一次成功', '又一次成功'));
    rmSync(join(root, 'articles/2026/unknown-author.md'));
    settle();
    parsed = [];
    const warm = loadContent(root, { cache: resident });
    expect(parsed.sort()).toEqual(['articles/2026/good.md', 'articles/2026/new.md']);
    expect(warm).toStrictEqual(loadContent(root));
    expect(warm.problems.some((p) => p.message.includes('“wangfanx”'))).toBe(true);
    expect(warm.problems.some((p) => p.file.endsWith('/unknown-author.md'))).toBe(false);
  });
  it('reads a file written moments ago again, even when its stamp is the same', () => {
    vi.useRealTimers();
    const root = writeTree(BROKEN);
    const resident = { ...options, resident: true };
    const good = join(root, 'articles/2026/good.md');
    loadContent(root, { cache: resident });
    const reuse = vi.spyOn(LoadCache.prototype, 'reuse');
    loadContent(root, { cache: resident });
    const taken = () => reuse.mock.calls.filter((_, i) => reuse.mock.results[i]!.value !== undefined);
    // Nothing was settled: every submission is read again, none taken from memory.
    expect(taken()).toEqual([]);
    expect(reuse.mock.calls.some(([, path]) => path === good)).toBe(true);
  });

  it('reads the files it is told changed, whatever their stamps say', () => {
    const root = writeTree(BROKEN);
    const resident = { ...options, resident: true };
    settle();
    loadContent(root, { cache: resident });
    loadContent(root, { cache: resident });
    parsed = [];
    const read = vi.spyOn(LoadCache.prototype, 'outcome');
    read.mockClear();
    forgetResident([join(root, 'articles/2026/good.md')]);
    expect(loadContent(root, { cache: resident })).toStrictEqual(loadContent(root));
    expect(read.mock.calls.map(([file]) => file.replace(/^.*\/portal-content-[^/]+\//, ''))).toContain(
      'articles/2026/good.md',
    );
  });
});

describe('contentCache', () => {
  it('is off with PORTAL_CONTENT_CACHE=0, and keeps to a folder of its own', () => {
    vi.stubEnv(CACHE_ENV, '0');
    expect(contentCache(dir, process.cwd())).toBeUndefined();
    vi.stubEnv(CACHE_ENV, '');
    expect(contentCache(dir, process.cwd())).toEqual({
      dir: join(dir, 'portal-content'),
      code: expect.any(String),
    });
    vi.unstubAllEnvs();
  });
});
