/**
 * The build benchmark:
 *   npm run bench -- --entries N [--keep] [--json out.json]
 * Generates N sample entries into a temporary folder, runs the real `astro build` on them (pages, compliance,
 * search indexes), then adds one article and builds again. Prints a table and the same numbers as JSON.
 * Peak memory is the sum of VmRSS over the whole process tree, sampled every 100 ms from /proc: Linux only.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  PeakSampler,
  fontUrls,
  formatBytes,
  formatSeconds,
  formatTable,
  pageAssets,
  parentOf,
  phasesOf,
  resolveSitePath,
  rssBytes,
  staticImports,
  treeOf,
  type BuildPhases,
  type TimedLine,
} from '../src/bench/measure.ts';

const NOW = '2026-11-25T18:00:00+08:00';
const SAMPLE_INTERVAL_MS = 100;

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const entries = Number(values.entries);
if (!Number.isInteger(entries) || entries < 1) fail(`--entries 应为正整数：${values.entries}`);
if (process.platform !== 'linux' || !existsSync('/proc/self/status'))
  fail('基准测试靠 /proc 计量整个进程树的内存，只能在 Linux 上运行。');

/** One snapshot of the memory of `root` and all its descendants. */
function treeRss(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = parentOf(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (ppid !== undefined) parents.set(Number(name), ppid);
    } catch {
      // the process ended between readdir and read
    }
  }
  return treeOf(root, parents).map((pid) => {
    try {
      return rssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      return 0;
    }
  });
}

interface Run {
  ms: number;
  peakBytes: number;
  lines: TimedLine[];
}

/** Runs a command, timing it, sampling its process tree's memory and noting when each output line arrived. */
function run(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, failed) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = new PeakSampler();
    const sample = () => {
      if (child.pid !== undefined) sampler.add(treeRss(child.pid));
    };
    const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
    sample();
    const lines: TimedLine[] = [];
    const rests = { stdout: '', stderr: '' };
    const take = (which: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const at = performance.now() - started;
      const parts = (rests[which] + chunk.toString('utf8')).split('\n');
      rests[which] = parts.pop()!;
      for (const text of parts) lines.push({ at, text });
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    child.on('error', failed);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      for (const text of [rests.stdout, rests.stderr]) if (text) lines.push({ at: ms, text });
      if (code !== 0) {
        console.error(lines.map((l) => l.text).join('\n'));
        failed(new Error(`${command} ${args.join(' ')} 退出码 ${code}`));
        return;
      }
      done({ ms, peakBytes: sampler.peak, lines });
    });
  });
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  let total = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

interface PageWeight {
  page: string;
  files: { path: string; gzipBytes: number }[];
  gzipBytes: number;
}

/** The gzipped bytes of a page and everything it loads at first paint: CSS, fonts, JS and its static imports. */
function pageWeight(dist: string, page: string): PageWeight {
  const files: PageWeight['files'] = [];
  const seen = new Set<string>();
  const visit = (sitePath: string) => {
    if (seen.has(sitePath)) return;
    seen.add(sitePath);
    const file = join(dist, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
    if (!existsSync(file)) return;
    const bytes = readFileSync(file);
    files.push({ path: sitePath, gzipBytes: gzipSync(bytes, { level: 9 }).length });
    const text = bytes.toString('utf8');
    if (file.endsWith('.html')) for (const a of pageAssets(text)) visit(a);
    else if (file.endsWith('.css')) for (const f of fontUrls(text)) visit(resolveSitePath(sitePath, f));
    else if (file.endsWith('.js')) for (const i of staticImports(text)) visit(resolveSitePath(sitePath, i));
  };
  visit(page);
  return { page, files, gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0) };
}

function pagesBelow(dist: string, folder: string): string[] {
  const dir = join(dist, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'index.html')))
    .map((e) => `/${folder}/${e.name}/`)
    .sort();
}

function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const work = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
const buildEnv = { PORTAL_CONTENT_DIR: content, PORTAL_NOW: NOW, ASTRO_TELEMETRY_DISABLED: '1' };
const node = process.execPath;
const build = () => run('npx', ['astro', 'build', '--outDir', dist], buildEnv);

try {
  console.error(`生成 ${entries} 条示例投稿到 ${content} …`);
  const generate = await run(
    node,
    ['scripts/generate-sample.ts', '--out', content, '--entries', String(entries), '--force'],
    {},
  );
  const generated = generate.lines.map((l) => l.text).find((t) => t.startsWith('已生成')) ?? '';
  const total = Number(/共 (\d+) 条/.exec(generated)?.[1] ?? entries);

  console.error('首次构建 …');
  const cold = await build();
  const phases: BuildPhases = phasesOf(cold.lines);
  const pages = Number(/(\d+) page\(s\) built/.exec(cold.lines.map((l) => l.text).join('\n'))?.[1] ?? 0);

  const articles = pagesBelow(dist, 'articles');
  const compliance = pagesBelow(dist, 'manage/compliance');
  const article = articles[0] ? pageWeight(dist, articles[0]) : undefined;
  // A compliance page with its chart (the region pages load chart.js; month pages have no script), else any.
  const weighed = compliance.map((c) => pageWeight(dist, c));
  const compliancePage = weighed.find((w) => w.files.some((f) => f.path.endsWith('.js'))) ?? weighed[0];
  const sizes = {
    distBytes: sizeOf(dist),
    staffIndexBytes: sizeOf(join(dist, 'pagefind')),
    managersIndexBytes: sizeOf(join(dist, 'manage/pagefind')),
  };

  // One new submission: a copy of the last article under a new file name and title.
  const last = articleFiles(join(content, 'articles')).at(-1)!;
  const newId = `${last.slice(dirname(last).length + 1, -'.md'.length)}-bench`;
  writeFileSync(
    join(dirname(last), `${newId}.md`),
    readFileSync(last, 'utf8').replace(/^title: .*$/m, 'title: 基准测试新增的一篇投稿'),
  );
  console.error('新增一篇投稿后再次构建 …');
  const rebuild = await build();
  const newArticlePage = `articles/${newId}/index.html`;

  const report = {
    platform: `${process.platform} ${process.arch}，Node ${process.version}`,
    requestedEntries: entries,
    entries: total,
    pages,
    now: NOW,
    memoryNote: '峰值内存为整个进程树 VmRSS 之和，每 100 毫秒从 /proc 采样一次（仅 Linux）',
    phases: {
      generate: { ms: Math.round(generate.ms), peakBytes: generate.peakBytes },
      build: { ms: Math.round(cold.ms), peakBytes: cold.peakBytes },
      contentSync: phases.contentSync === undefined ? null : { ms: Math.round(phases.contentSync) },
      pages: phases.pages === undefined ? null : { ms: Math.round(phases.pages) },
      searchIndex: phases.searchIndex === undefined ? null : { ms: Math.round(phases.searchIndex) },
      rebuild: { ms: Math.round(rebuild.ms), peakBytes: rebuild.peakBytes },
    },
    ...sizes,
    pageWeights: { article: article ?? null, compliance: compliancePage ?? null },
    newArticle: { page: newArticlePage, built: existsSync(join(dist, newArticlePage)) },
    workDir: values.keep ? work : null,
  };

  const p = report.phases;
  const rows: string[][] = [
    ['生成示例内容', formatSeconds(p.generate.ms), formatBytes(p.generate.peakBytes), `${total} 条`],
    ['构建（合计）', formatSeconds(p.build.ms), formatBytes(p.build.peakBytes), `${pages} 页`],
    ['  内容同步', formatSeconds(p.contentSync?.ms), '', ''],
    ['  生成页面', formatSeconds(p.pages?.ms), '', ''],
    ['  搜索索引', formatSeconds(p.searchIndex?.ms), '', ''],
    [
      '新增一篇后重建',
      formatSeconds(p.rebuild.ms),
      formatBytes(p.rebuild.peakBytes),
      report.newArticle.built ? '新文章已生成' : '新文章缺失',
    ],
  ];
  const sizeRows: string[][] = [
    ['dist 总大小', formatBytes(sizes.distBytes)],
    ['员工搜索索引 dist/pagefind', formatBytes(sizes.staffIndexBytes)],
    ['管理人员搜索索引 dist/manage/pagefind', formatBytes(sizes.managersIndexBytes)],
    [
      `文章页 ${article?.page ?? '（无）'}（gzip，含 CSS/字体/JS）`,
      article ? formatBytes(article.gzipBytes) : '—',
    ],
    [
      `合规页 ${compliancePage?.page ?? '（无）'}（gzip，含 JS）`,
      compliancePage ? formatBytes(compliancePage.gzipBytes) : '—',
    ],
  ];
  console.log(`\n基准测试：${total} 条投稿（--entries ${entries}），${report.platform}`);
  console.log(formatTable(['阶段', '用时', '峰值内存', '说明'], rows));
  console.log('');
  console.log(formatTable(['项目', '大小'], sizeRows));
  console.log(`\n${report.memoryNote}；子阶段按 Astro 输出行到达的时间划分。\n`);
  const json = JSON.stringify(report, null, 2);
  if (values.json) writeFileSync(resolve(values.json), `${json}\n`);
  console.log(json);
  if (values.keep) console.error(`保留临时文件夹：${work}`);
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
