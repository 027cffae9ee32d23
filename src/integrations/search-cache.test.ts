import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTree, indexKey, searchPages } from './search-cache.ts';

const BODY = '<html><body><article data-pagefind-body>正文</article></body></html>';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-cache-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('search pages', () => {
  it('lists the pages with a search body in URL order, with a digest of each', async () => {
    const dist = site({ 'b/index.html': BODY, 'a/index.html': BODY, 'list/index.html': '<html></html>' });
    const pages = await searchPages(dist, join(dist, '..', `${Date.now()}-memo.json`), 'code');
    expect(pages.map((p) => p.url)).toEqual(['/a/', '/b/']);
    expect(pages[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('trusts a remembered digest only while size and modification time are unchanged', async () => {
    const dist = site({ 'a/index.html': BODY });
    const memo = join(mkdtempSync(join(tmpdir(), 'memo-')), 'pages.json');
    const [first] = await searchPages(dist, memo, 'code');
    // Tamper with the memo: an unchanged file keeps the remembered digest...
    const known = JSON.parse(readFileSync(memo, 'utf8'));
    known.files['a/index.html'].digest = 'remembered';
    writeFileSync(memo, JSON.stringify(known));
    expect((await searchPages(dist, memo, 'code'))[0]!.digest).toBe('remembered');
    // ...unless other code made the memo...
    expect((await searchPages(dist, memo, 'other code'))[0]!.digest).toBe(first!.digest);
    writeFileSync(memo, JSON.stringify(known));
    // ...a rewritten one is read again.
    writeFileSync(join(dist, 'a/index.html'), BODY.replace('正文', '新正文'));
    const later = new Date(statSync(join(dist, 'a/index.html')).mtimeMs + 5000);
    utimesSync(join(dist, 'a/index.html'), later, later);
    const [again] = await searchPages(dist, memo, 'code');
    expect(again!.digest).not.toBe('remembered');
    expect(again!.digest).not.toBe(first!.digest);
  });

  it('starts afresh from a memo cut short by an interrupted build', async () => {
    const dist = site({ 'a/index.html': BODY });
    const memo = join(mkdtempSync(join(tmpdir(), 'memo-')), 'pages.json');
    writeFileSync(memo, '{"code":"code","files":{"a/ind');
    const [page] = await searchPages(dist, memo, 'code');
    expect(page!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(memo, 'utf8')).files['a/index.html'].digest).toBe(page!.digest);
  });
});

describe('index keys', () => {
  it('change with any page, its URL or the code', () => {
    const pages = [{ url: '/a/', file: '', digest: 'x' }];
    const key = indexKey(pages, 'code');
    expect(indexKey(pages, 'code')).toBe(key);
    expect(indexKey([{ ...pages[0]!, digest: 'y' }], 'code')).not.toBe(key);
    expect(indexKey([{ ...pages[0]!, url: '/b/' }], 'code')).not.toBe(key);
    expect(indexKey(pages, 'other code')).not.toBe(key);
  });
});

describe('copying an index', () => {
  it('replaces the target with the same files, nested folders included', async () => {
    const from = site({ 'pagefind-entry.json': '{"a":1}', 'fragment/x.pf_fragment': 'x' });
    const to = site({ 'stale.txt': 'old' });
    await copyTree(from, to);
    expect(readFileSync(join(to, 'fragment/x.pf_fragment'), 'utf8')).toBe('x');
    expect(readFileSync(join(to, 'pagefind-entry.json'), 'utf8')).toBe('{"a":1}');
    expect(existsSync(join(to, 'stale.txt'))).toBe(false);
  });
});
