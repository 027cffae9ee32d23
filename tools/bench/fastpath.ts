/**
 * The fast path at scale (src/fastpath/), on its own:
 *   node tools/bench/fastpath.ts --entries N [--worklog-people 300] [--keep]
 * Generates N sample entries (as `npm run bench` does), builds them once with a cache folder of their own, starts
 * the fast path on the bundle that build kept, and times two updates: one new report, then one new article.
 * Then the full rebuild that `npm start` runs after them, and a check that every page the fast path wrote is
 * byte for byte that rebuild's. Prints the figures as JSON. Wrap runs of 2,000 entries or more in
 * `flock /work/notes/bench.lock` (one big run at a time on the shared machine).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { startFastPath, type FastPathUpdate } from '../../src/fastpath/index.ts';

const NOW = '2026-11-25T18:00:00+08:00';
const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '2000' },
    'worklog-people': { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
  },
});

const work = mkdtempSync(join(tmpdir(), 'portal-fastpath-bench-'));
const content = join(work, 'content');
const cacheDir = join(work, 'cache');
const node = process.execPath;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_NOW: NOW, PORTAL_CACHE_DIR: cacheDir };

function timed(args: string[], extra: Record<string, string> = {}): number {
  const started = performance.now();
  const r = spawnSync(node, args, { env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${args.join(' ')}：${r.stderr.slice(-4000)}`);
  return Math.round(performance.now() - started);
}

const build = (out: string) =>
  timed(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], { PORTAL_CONTENT_DIR: content });

function newest(collection: string): string {
  const files = readdirSync(join(content, collection), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return files.at(-1)!;
}

/** As bench.ts adds one: the newest file of a collection again under a new name. */
function add(collection: 'articles' | 'reports'): string {
  const last = newest(collection);
  const file = join(dirname(last), `${basename(last, '.md')}-fastpath.md`);
  const text = readFileSync(last, 'utf8');
  writeFileSync(file, collection === 'articles' ? text.replace(/^title: .*$/m, 'title: 快速发布测量') : text);
  return file;
}

const peakKiB = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

function fileOf(page: string): string {
  if (page === '/404') return '404.html';
  if (/\.\w+$/.test(page)) return page.slice(1);
  return `${page.replace(/^\/|\/$/g, '')}/index.html`.replace(/^\//, '');
}

try {
  const generate = timed([
    'scripts/generate-sample.ts',
    ...['--out', content, '--entries', values.entries!, '--worklog-months', '12'],
    ...['--worklog-people', values['worklog-people']!, '--force'],
  ]);
  const served = join(work, 'served');
  const cold = build(served);
  const fastPath = await startFastPath({
    root: process.cwd(),
    siteDir: () => served,
    contentDir: content,
    cacheDir,
  });
  const updates: Record<string, FastPathUpdate> = {};
  for (const kind of ['reports', 'articles'] as const) {
    updates[kind] = await fastPath.update([add(kind)], Temporal.Instant.from(NOW));
  }
  const workerPeakMiB = Math.round(peakKiB(fastPath.pid) / 1024);
  await fastPath.close();
  const rebuilt = join(work, 'rebuilt');
  const rebuild = build(rebuilt);
  const pages = [...new Set(Object.values(updates).flatMap((u) => u.pages))];
  const differing = pages.filter(
    (p) => !readFileSync(join(served, fileOf(p))).equals(readFileSync(join(rebuilt, fileOf(p)))),
  );
  const summary = (u: FastPathUpdate) => ({
    ms: u.ms,
    load: u.load,
    stages: u.stages.map(({ pages, ...s }) => ({ ...s, pages: pages.length })),
    pages: u.pages.length,
    entries: u.entries,
  });
  console.log(
    JSON.stringify(
      {
        entries: Number(values.entries),
        generateMs: generate,
        coldBuildMs: cold,
        warmupMs: fastPath.warmupMs,
        workerPeakMiB,
        newReport: summary(updates.reports!),
        newArticle: summary(updates.articles!),
        rebuildAfterMs: rebuild,
        pagesCompared: pages.length,
        differing,
      },
      null,
      2,
    ),
  );
} finally {
  if (values.keep) console.error(`保留临时文件夹：${work}`);
  else rmSync(work, { recursive: true, force: true });
}
