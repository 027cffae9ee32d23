/**
 * The fast path (src/fastpath/) against real builds of the sample: every page it writes into the served site
 * is byte for byte the page the full build writes afterwards, for a new article and then a new report; and a
 * SIGKILL at any moment of an update leaves every served file either its old or its new complete version.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFastPath, type FastPath, type FastPathUpdate } from '../src/fastpath/index.ts';
import { loadContent } from '../src/load/load.ts';
import { build, BUILD_NOW, filesBelow, type Build } from './support/build.ts';
import { fragmentUrls } from './support/pagefind-files.ts';

const NOW = Temporal.Instant.from(BUILD_NOW);
const folders: string[] = [];

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

function ok(result: Build): Build {
  folders.push(result.outDir);
  expect(result.status, result.output).toBe(0);
  return result;
}

/** The file a site path is written to (Astro's directory format). */
function fileOf(page: string): string {
  if (page === '/404') return '404.html';
  if (/\.\w+$/.test(page)) return page.slice(1);
  return `${page.replace(/^\/|\/$/g, '')}/index.html`.replace(/^\//, '');
}

/** A new entry: the newest of a collection again, under another id, as a second author would file it. */
function addEntry(content: string, kind: 'articles' | 'reports', id: string): string {
  const newest = loadContent(content).content[kind].at(-1)!;
  const file = join(dirname(resolve(newest.file)), `${id}.md`);
  const source = readFileSync(resolve(newest.file), 'utf8');
  writeFileSync(
    file,
    kind === 'articles' ? source.replace(/^title: .*$/m, 'title: 快速发布通道新增的投稿') : source,
  );
  return file;
}

/** The pages of `update` that differ between the served site and a full build. */
function differing(update: FastPathUpdate, served: string, full: string): string[] {
  return update.pages.filter(
    (page) => !readFileSync(join(served, fileOf(page))).equals(readFileSync(join(full, fileOf(page)))),
  );
}

let content: string;
let cacheDir: string;
let served: Build;
let fastPath: FastPath;

beforeAll(async () => {
  content = folder('portal-fastpath-content-');
  cpSync('content', content, { recursive: true });
  cacheDir = folder('portal-fastpath-cache-');
  served = ok(build(content, { PORTAL_CACHE_DIR: cacheDir }));
  fastPath = await startFastPath({
    root: process.cwd(),
    siteDir: () => served.outDir,
    contentDir: content,
    cacheDir,
  });
});

afterAll(async () => {
  await fastPath?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the fast path', () => {
  let article: FastPathUpdate;
  let articleId: string;
  let report: FastPathUpdate;
  let reportId: string;
  let againFile: string;

  it('writes the pages a new article touches, as the full build then writes them', async () => {
    articleId = `${loadContent(content).content.articles.at(-1)!.id}-fastpath`;
    const file = addEntry(content, 'articles', articleId);
    article = await fastPath.update([file], NOW);
    expect(article.entries).toEqual([`articles/${articleId}`]);
    const month = articleId.slice(0, 7);
    expect(article.pages).toEqual(
      expect.arrayContaining([`/articles/${articleId}/`, '/', `/issues/${month}/`]),
    );
    expect(article.pages.some((p) => /^\/regions\/[^/]+\/$/.test(p))).toBe(true);
    // In the order a reader waits for them: the article itself (and its neighbour), then the pages staff
    // read it on, then the compliance pages; every page written once.
    const [entries, lists, rules] = article.stages;
    expect(article.stages.map((s) => s.name)).toEqual(['entries', 'lists', 'rules']);
    expect(entries!.pages).toContain(`/articles/${articleId}/`);
    expect(entries!.pages.every((p) => /^\/articles\/[^/]+\/$/.test(p))).toBe(true);
    expect(lists!.pages).toEqual(expect.arrayContaining(['/', `/issues/${month}/`]));
    expect(rules!.pages).toContain(`/manage/compliance/${month}/`);
    expect(article.stages.flatMap((s) => s.pages).sort()).toEqual([...article.pages].sort());
    // Each stage's end, from the update's start: after the load, in order, within the whole update.
    const ends = article.stages.map((s) => s.at);
    expect(ends[0]).toBeGreaterThanOrEqual(article.load);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(ends.at(-1)).toBeLessThanOrEqual(article.ms);
    // Searchable at once: the staff shard of this month holds it; its neighbours' indexed text is unchanged.
    expect(article.shards).toEqual(['pagefind/current']);
    expect(fragmentUrls(join(served.outDir, 'pagefind', 'current'))).toContain(`/articles/${articleId}/`);
    const full = ok(build(content, { PORTAL_CACHE_DIR: cacheDir }));
    expect(differing(article, served.outDir, full.outDir)).toEqual([]);
  });

  it('writes the pages a new report touches, as the full build then writes them', async () => {
    reportId = `${loadContent(content).content.reports.at(-1)!.id}-fastpath`;
    const file = addEntry(content, 'reports', reportId);
    report = await fastPath.update([file], NOW);
    expect(report.entries).toEqual([`reports/${reportId}`]);
    expect(report.pages).toEqual(expect.arrayContaining([`/manage/reports/${reportId}/`, '/manage/reports']));
    // A report touches no article page.
    expect(report.pages.filter((p) => p.startsWith('/articles/'))).toEqual([]);
    expect(report.shards).toEqual(['manage/pagefind/current']);
    expect(fragmentUrls(join(served.outDir, 'manage', 'pagefind', 'current'))).toContain(
      `/manage/reports/${reportId}/`,
    );
    const full = ok(build(content, { PORTAL_CACHE_DIR: cacheDir }));
    expect(differing(report, served.outDir, full.outDir)).toEqual([]);
  });

  it('computes every update afresh in its one process: a later article renders its month’s compliance page', async () => {
    // Values a build computes once (src/site/per-build.ts) must not outlive the update: with the compliance
    // views of the first update kept, this page's key would not change and it would not be written at all.
    const id = `${articleId}-again`;
    const file = addEntry(content, 'articles', id);
    const again = await fastPath.update([file], NOW);
    const compliance = `/manage/compliance/${id.slice(0, 7)}/`;
    expect(article.pages).toContain(compliance);
    expect(again.pages).toContain(compliance);
    const full = ok(build(content, { PORTAL_CACHE_DIR: cacheDir }));
    expect(differing(again, served.outDir, full.outDir)).toEqual([]);
    againFile = file;
  });

  it('sees an entry edited in place, however many updates its process has read it in', async () => {
    // The process keeps what it read of content/ and reads again only files whose stat changed.
    const id = basename(againFile, '.md');
    writeFileSync(
      againFile,
      readFileSync(againFile, 'utf8').replace(/^title: .*$/m, 'title: 快速发布通道改过的标题'),
    );
    const edited = await fastPath.update([againFile], NOW);
    expect(edited.entries).toEqual([`articles/${id}`]);
    expect(readFileSync(join(served.outDir, 'articles', id, 'index.html'), 'utf8')).toContain(
      '快速发布通道改过的标题',
    );
  });
});

describe('a SIGKILL during an update', () => {
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  /** Every file of the site but the fast path's temporary ones, with its digest. */
  const state = (site: string) =>
    new Map(
      filesBelow(site)
        .filter((f) => !f.split('/').some((part) => part.startsWith('.')))
        .map((f) => [f, digest(join(site, f))]),
    );

  it('leaves every served file either the old or the new complete version', async () => {
    await fastPath.close();
    const site = served.outDir;
    const id = `${loadContent(content).content.articles.at(-1)!.id}-kill`;
    const before = state(site);
    const saved = new Map([...before.keys()].map((f) => [f, readFileSync(join(site, f))]));
    const file = addEntry(content, 'articles', id);
    // The complete update, for the new versions and its duration; then the old site back.
    fastPath = await startFastPath({
      root: process.cwd(),
      siteDir: () => site,
      contentDir: content,
      cacheDir,
    });
    const complete = await fastPath.update([file], NOW);
    await fastPath.close();
    const after = state(site);
    /** The old site back: old versions, no new files, no leftovers of a killed run (dot names). */
    const restore = () => {
      const now = state(site);
      for (const f of now.keys()) if (!before.has(f)) unlinkSync(join(site, f));
      for (const [f, d] of before) if (now.get(f) !== d) writeFileSync(join(site, f), saved.get(f)!);
      for (const f of readdirSync(site, { recursive: true }) as string[])
        if (basename(f).startsWith('.')) rmSync(join(site, f), { recursive: true, force: true });
    };
    restore();
    expect(state(site)).toEqual(before);
    const changing = complete.pages.map(fileOf).filter((f) => before.get(f) !== after.get(f));
    const inode = (f: string) => (existsSync(join(site, f)) ? statSync(join(site, f)).ino : 0);
    /** Kills the update after `delay` ms, or as soon as the first changed page has been replaced. */
    async function killDuring(trigger: { delay: number } | { firstWrite: true }) {
      fastPath = await startFastPath({
        root: process.cwd(),
        siteDir: () => site,
        contentDir: content,
        cacheDir,
      });
      const first = changing[0]!;
      const old = inode(first);
      const running = fastPath.update([file], NOW).catch((error: Error) => error);
      if ('delay' in trigger) await new Promise((r) => setTimeout(r, trigger.delay));
      else while (inode(first) === old) await new Promise((r) => setTimeout(r, 1));
      process.kill(fastPath.pid, 'SIGKILL');
      const outcome = await running;
      const now = state(site);
      for (const [f, d] of now) expect([before.get(f), after.get(f)], f).toContain(d);
      // A file may be gone only if the new version has it gone too (a search shard's replaced files).
      for (const f of before.keys()) if (!now.has(f)) expect(after.has(f), f).toBe(false);
      restore();
      return { outcome, renewed: changing.filter((f) => now.get(f) === after.get(f)).length };
    }
    // Kills spread over the whole update (loading, rendering, writing; a late one may come after the end)…
    for (const share of [0.1, 0.4, 0.7, 1]) await killDuring({ delay: Math.round(complete.ms * share) });
    // …and kills in the middle of the writing: some pages are new, the rest still old, none broken.
    let interruptedWhileWriting = 0;
    for (let i = 0; i < 3; i++) {
      const { outcome, renewed } = await killDuring({ firstWrite: true });
      if (outcome instanceof Error && renewed > 0 && renewed < changing.length) interruptedWhileWriting++;
    }
    expect(interruptedWhileWriting).toBeGreaterThan(0);
  });
});
