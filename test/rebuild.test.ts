/**
 * Builds that must not depend on chance: the same content, copied file by file in opposite orders, gives the
 * same site, and a rebuild that reuses the last build's pages and indexes gives exactly the site a build
 * from scratch gives. Real builds of the sample content, compared file by file.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { articleContexts } from '../src/site/articles.ts';
import { MORE_FROM_REGION } from '../src/consts.ts';
import { searchTime } from '../src/search/indexing.ts';
import { shardId } from '../src/search/shards.ts';
import { build, BUILD_NOW, differences, filesBelow, type Build } from './support/build.ts';

/** A copy of content/ whose files were created in the given order. */
function copyContent(order: 'forward' | 'backward'): string {
  const root = mkdtempSync(join(tmpdir(), 'portal-order-'));
  const files = filesBelow('content');
  for (const file of order === 'forward' ? files : files.reverse()) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join('content', file), join(root, file));
  }
  return root;
}

/**
 * The routes that have no getStaticPaths() and so no cacheKey (Astro 7.3.5 asks only dynamic routes for
 * one: StaticPaths in node_modules/astro/dist/runtime/prerender/static-paths.js), as site paths: the only
 * pages a rebuild may render when nothing they show changed.
 */
function keylessPages(): Set<string> {
  const files = readdirSync('src/pages', { recursive: true, encoding: 'utf8' });
  return new Set(
    files
      .filter((f) => /\.(astro|mdx|ts)$/.test(f) && !/[[_]/.test(f) && !/(^|\/)_/.test(f))
      .map((f) => `/${f.replace(/\.(astro|mdx|ts)$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/')),
  );
}

/** The page of one article, minutes or report (not a list). */
const isEntryPage = (path: string) => /^\/(?:articles|meetings|manage\/reports)\/[^/]+\/$/.test(path);

function ok(result: Build): Build {
  expect(result.status, result.output).toBe(0);
  return result;
}

/** Pages Astro rendered (not copied from its cache) in a build, as site paths such as /articles/x/. */
function rendered(result: Build): string[] {
  return result.metrics!.pages.rendered.map((path) => (path.endsWith('/') ? path : `${path}/`));
}

/** Which search shards the build took from its cache. */
function reusedIndexes(result: Build): string[] {
  return result.metrics!.searchIndexes.filter((i) => i.reused).map((i) => i.index);
}

describe('two builds of the same content', () => {
  let forward: string;
  let backward: string;
  let first: Build;
  let second: Build;
  beforeAll(() => {
    forward = copyContent('forward');
    backward = copyContent('backward');
    first = ok(build(forward));
    second = ok(build(backward));
  });

  it('changes nothing in the built site, search indexes included', () => {
    expect(filesBelow(first.outDir).length).toBeGreaterThan(1000);
    expect(differences(first.outDir, second.outDir)).toEqual([]);
  });
});

describe('a rebuild after one new article', () => {
  let content: string;
  let cacheDir: string;
  let newId: string;
  let rebuild: Build;
  let scratch: Build;
  let unchanged: Build;
  beforeAll(() => {
    content = copyContent('forward');
    cacheDir = mkdtempSync(join(tmpdir(), 'portal-cache-'));
    ok(build(content, { PORTAL_CACHE_DIR: cacheDir }));
    // A new submission: the newest article again, as another author would file it a minute later.
    const { content: before } = loadContent(content);
    const newest = before.articles.at(-1)!;
    newId = `${newest.id}-rebuild`;
    const source = readFileSync(resolve(newest.file), 'utf8');
    writeFileSync(
      join(dirname(resolve(newest.file)), `${newId}.md`),
      source.replace(/^title: .*$/m, 'title: 重建测试新增的一篇投稿'),
    );
    rebuild = ok(build(content, { PORTAL_CACHE_DIR: cacheDir }));
    scratch = ok(build(content));
    unchanged = ok(build(content, { PORTAL_CACHE_DIR: cacheDir }));
  });

  it('gives exactly the site a build from scratch gives', () => {
    expect(existsSync(join(rebuild.outDir, 'articles', newId, 'index.html'))).toBe(true);
    expect(differences(rebuild.outDir, scratch.outDir)).toEqual([]);
  });

  it('renders only the pages the new article changes, and copies every other entry page', () => {
    const { content: after } = loadContent(content);
    const added = after.articles.find((a) => a.id === newId)!;
    const contexts = articleContexts(after.articles, MORE_FROM_REGION);
    // The pages that show the new article: its neighbours and the articles whose "more" list names it.
    const affected = new Set(
      [...contexts]
        .filter(
          ([, c]) => c.previous?.id === newId || c.next?.id === newId || c.more.some((m) => m.id === newId),
        )
        .map(([id]) => `/articles/${id}/`),
    );
    affected.add(`/articles/${newId}/`);
    // Neighbours only: a region's newest articles on each of its pages made every page of the region change.
    expect(affected.size).toBeLessThanOrEqual(3);
    const entryPages = rendered(rebuild).filter(isEntryPage);
    expect(entryPages.length).toBeGreaterThan(0);
    expect(entryPages.filter((p) => !affected.has(p))).toEqual([]);
    expect(entryPages).toContain(`/articles/${added.id}/`);
    // Every meeting and report page came from the cache.
    expect(entryPages.filter((p) => !p.startsWith('/articles/'))).toEqual([]);
  });

  it('rebuilds only the staff shards that hold a page the article changed, and no report shard', () => {
    const indexes = rebuild.metrics!.searchIndexes.map((i) => i.index);
    const shardOf = (page: string) => {
      const time = searchTime(readFileSync(join(rebuild.outDir, page, 'index.html'), 'utf8'))!;
      return `/pagefind/${shardId(time, Temporal.Instant.from(BUILD_NOW))}/`;
    };
    // A page's key is its whole HTML: the new article's neighbours and the articles whose "more" list names
    // it changed too, so their shards are rebuilt although what pagefind reads of them did not change.
    const changed = new Set(rendered(rebuild).filter(isEntryPage).map(shardOf));
    expect(changed).toContain(shardOf(`/articles/${newId}/`));
    expect(indexes.some((i) => i.startsWith('/manage/pagefind/'))).toBe(true);
    expect(indexes.filter((i) => !reusedIndexes(rebuild).includes(i))).toEqual(
      indexes.filter((i) => changed.has(i)),
    );
  });

  it('renders only the compliance page, downloads and feeds its month shows it on, not other months’', () => {
    const pages = rendered(rebuild);
    // The newest article is of the build's month (November 2026): its count changes there only.
    expect(pages).toContain('/manage/compliance/2026-11/');
    expect(pages).toContain('/manage/compliance/2026-11.json/');
    expect(
      pages.filter((p) => /^\/manage\/compliance\/\d{4}-\d\d/.test(p) && !p.includes('2026-11')),
    ).toEqual([]);
    // An article is in no calendar feed, no work-load page and no 及时性 board (keyless routes render always).
    const keyless = keylessPages();
    expect(
      pages.filter((p) => /^\/(calendar|timeliness|manage\/activity)\/./.test(p) && !keyless.has(p)),
    ).toEqual([]);
  });

  it('renders no entry page and builds no index when nothing changed', () => {
    // Every page with a getStaticPaths() has a key made from what it shows: only keyless routes render.
    const keyless = keylessPages();
    expect(keyless).toContain('/calendar/department.ics/');
    expect(rendered(unchanged).filter((p) => !keyless.has(p))).toEqual([]);
    expect(rendered(unchanged).filter(isEntryPage)).toEqual([]);
    expect(reusedIndexes(unchanged)).toEqual(unchanged.metrics!.searchIndexes.map((i) => i.index));
    expect(reusedIndexes(unchanged).length).toBeGreaterThan(2);
    expect(unchanged.metrics!.pages.reused.length).toBeGreaterThan(1000);
    // Every cached page and index file was checked and found as recorded.
    expect(unchanged.output).not.toContain('摘要');
    expect(differences(unchanged.outDir, scratch.outDir)).toEqual([]);
  });
});

describe('builds in place, into the folder of the last build', () => {
  let content: string;
  let outDir: string;
  let first: Build;
  let added: Build;
  let scratch: Build;
  let removed: Build;
  let newFile: string;
  let tampered: string;
  beforeAll(() => {
    content = copyContent('forward');
    const env = { PORTAL_CACHE_DIR: mkdtempSync(join(tmpdir(), 'portal-cache-')) };
    outDir = mkdtempSync(join(tmpdir(), 'portal-dist-'));
    first = ok(build(content, env, outDir));
    // Kept for comparison: the folder itself is built into again.
    const firstCopy = mkdtempSync(join(tmpdir(), 'portal-dist-'));
    for (const f of filesBelow(outDir)) {
      mkdirSync(dirname(join(firstCopy, f)), { recursive: true });
      copyFileSync(join(outDir, f), join(firstCopy, f));
    }
    first = { ...first, outDir: firstCopy };
    const { content: before } = loadContent(content);
    const newest = before.articles.at(-1)!;
    newFile = join(dirname(resolve(newest.file)), `${newest.id}-inplace.md`);
    writeFileSync(
      newFile,
      readFileSync(resolve(newest.file), 'utf8').replace(/^title: .*$/m, 'title: 原地构建的新投稿'),
    );
    added = ok(build(content, env, outDir));
    scratch = ok(build(content));
    // Compared at once: the next build writes into the same folder.
    expect(differences(outDir, scratch.outDir)).toEqual([]);
    // Someone edits a page that the next build does not change; then the new article is withdrawn.
    tampered = join(outDir, 'meetings', readdirSync(join(outDir, 'meetings')).sort()[0]!, 'index.html');
    writeFileSync(tampered, readFileSync(tampered, 'utf8').replace('<main', '<main data-tampered="1"'));
    writeFileSync(join(outDir, 'left-over.txt'), 'not part of any build');
    rmSync(newFile);
    removed = ok(build(content, env, outDir));
  });

  it('gives the clean build’s site after adding an article, pages kept in place unrendered', () => {
    expect(added.metrics!.pages.reused.length).toBeGreaterThan(1000);
  });

  it('deletes the withdrawn article’s page and any file no build made, and repairs an edited page', () => {
    expect(existsSync(join(outDir, 'articles', basename(newFile, '.md')))).toBe(false);
    expect(existsSync(join(outDir, 'left-over.txt'))).toBe(false);
    expect(removed.output).toContain('删除了输出目录中本次构建没有生成的');
    expect(readFileSync(tampered, 'utf8')).not.toContain('data-tampered');
    expect(differences(outDir, first.outDir)).toEqual([]);
  });
});
