import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeTree } from '../../test/support/tree.ts';
import { useSettlingClock } from '../../test/support/clock.ts';
import { copyTree, indexKey, searchPages } from './search-cache.ts';

const BODY =
  '<html><body><article data-pagefind-body>正文</article><span data-pagefind-sort="time:1767225600"></span></body></html>';

describe('search pages', () => {
  it('lists the pages with a search body in URL order, with a digest of each', async () => {
    const dist = writeTree({
      'b/index.html': BODY,
      'a/index.html': BODY,
      'list/index.html': '<html></html>',
    });
    const pages = await searchPages(dist);
    expect(pages.map((p) => p.url)).toEqual(['/a/', '/b/']);
    expect(pages[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(pages[0]!.digest).toBe(pages[1]!.digest);
    expect(pages[0]!.time).toBe(1767225600);
  });

  it('refuses a searchable page that does not say when it is from', async () => {
    const dist = writeTree({ 'a/index.html': BODY.replace(/<span.*<\/span>/, '') });
    await expect(searchPages(dist)).rejects.toThrow(
      '可搜索的页面没有时间（data-pagefind-sort="time:…"）：/a/',
    );
  });

  it('gives a changed page a new digest', async () => {
    const dist = writeTree({ 'a/index.html': BODY });
    const [before] = await searchPages(dist);
    writeFileSync(join(dist, 'a/index.html'), BODY.replace('正文', '新正文'));
    const [after] = await searchPages(dist);
    expect(after!.digest).not.toBe(before!.digest);
  });
});

describe('search pages with a record', () => {
  const { settle } = useSettlingClock();

  /** searchPages over `dist` with a record in `recordDir` for `code`, and the files it read. */
  const counted = async (dist: string, recordDir: string, code = 'code-1') => {
    const read: string[] = [];
    const pages = await searchPages(dist, {
      record: { dir: recordDir, code },
      read: (file) => {
        read.push(file.slice(dist.length + 1));
        return readFile(file, 'utf8');
      },
    });
    return { pages, read: read.sort() };
  };

  it('reads only the pages written since, and gives what reading every page gives', async () => {
    const dist = writeTree({
      'a/index.html': BODY,
      'b/index.html': BODY,
      'list/index.html': '<html></html>',
    });
    const recordDir = mkdtempSync(join(tmpdir(), 'portal-search-pages-'));
    settle();
    expect((await counted(dist, recordDir)).read).toEqual([
      'a/index.html',
      'b/index.html',
      'list/index.html',
    ]);
    expect((await counted(dist, recordDir)).read).toEqual([]);
    // Rewritten in place, replaced by a rename, added, removed.
    writeFileSync(join(dist, 'a/index.html'), BODY.replace('正文', '改文'));
    writeFileSync(join(dist, 'list/new.html'), BODY);
    renameSync(join(dist, 'list/new.html'), join(dist, 'list/index.html'));
    writeFileSync(join(dist, 'c.html'), BODY);
    rmSync(join(dist, 'b/index.html'));
    settle();
    const warm = await counted(dist, recordDir);
    expect(warm.read).toEqual(['a/index.html', 'c.html', 'list/index.html']);
    expect(warm.pages).toEqual(await searchPages(dist));
    expect(warm.pages.map((p) => p.url)).toEqual(['/a/', '/c.html', '/list/']);
  });

  it('reads every page again when the record is damaged or from other code', async () => {
    const dist = writeTree({ 'a/index.html': BODY });
    const recordDir = mkdtempSync(join(tmpdir(), 'portal-search-pages-'));
    settle();
    await counted(dist, recordDir);
    expect((await counted(dist, recordDir)).read).toEqual([]);
    const [record] = readdirSync(recordDir);
    writeFileSync(join(recordDir, record!), 'not a record');
    expect((await counted(dist, recordDir)).read).toEqual(['a/index.html']);
    expect((await counted(dist, recordDir)).read).toEqual([]);
    // Other code may find another time or URL in the same page.
    expect((await counted(dist, recordDir, 'code-2')).read).toEqual(['a/index.html']);
    expect((await counted(dist, recordDir, 'code-2')).read).toEqual([]);
  });

  it('reads a page written moments ago again next time: a write in the same clock tick keeps its stamp', async () => {
    vi.useRealTimers();
    const dist = writeTree({ 'a/index.html': BODY });
    const recordDir = mkdtempSync(join(tmpdir(), 'portal-search-pages-'));
    expect((await counted(dist, recordDir)).read).toEqual(['a/index.html']);
    expect((await counted(dist, recordDir)).read).toEqual(['a/index.html']);
    vi.useFakeTimers({ toFake: ['Date'] });
    settle();
    expect((await counted(dist, recordDir)).read).toEqual(['a/index.html']);
    expect((await counted(dist, recordDir)).read).toEqual([]);
  });
});

describe('index keys', () => {
  it('change with any page, its URL or the code', () => {
    const pages = [{ url: '/a/', file: '', digest: 'x', time: 0 }];
    const key = indexKey(pages, 'code');
    expect(indexKey(pages, 'code')).toBe(key);
    expect(indexKey([{ ...pages[0]!, digest: 'y' }], 'code')).not.toBe(key);
    expect(indexKey([{ ...pages[0]!, url: '/b/' }], 'code')).not.toBe(key);
    expect(indexKey(pages, 'other code')).not.toBe(key);
  });
});

describe('copying an index', () => {
  it('replaces the target with the same files, nested folders included', async () => {
    const from = writeTree({ 'pagefind-entry.json': '{"a":1}', 'fragment/x.pf_fragment': 'x' });
    const to = writeTree({ 'stale.txt': 'old' });
    await copyTree(from, to);
    expect(readFileSync(join(to, 'fragment/x.pf_fragment'), 'utf8')).toBe('x');
    expect(readFileSync(join(to, 'pagefind-entry.json'), 'utf8')).toBe('{"a":1}');
    expect(existsSync(join(to, 'stale.txt'))).toBe(false);
  });

  it('copies, never links: writing into the copy leaves the original as it was', async () => {
    const from = writeTree({ 'pagefind-entry.json': '{"a":1}' });
    const to = writeTree({});
    await copyTree(from, to);
    expect(statSync(join(to, 'pagefind-entry.json')).ino).not.toBe(
      statSync(join(from, 'pagefind-entry.json')).ino,
    );
    writeFileSync(join(to, 'pagefind-entry.json'), 'changed');
    expect(readFileSync(join(from, 'pagefind-entry.json'), 'utf8')).toBe('{"a":1}');
  });
});
