/**
 * The build benchmark:
 *   npm run bench -- --entries N [--worklog-people 300] [--keep] [--json out.json] [--query 学术推广]
 * Generates N sample entries into a temporary folder, with the required materials of the roster and 12 months
 * of work logs of 300 people (issue 12) as weight on top, and runs the real `astro build` on them (pages,
 * compliance, search indexes) with a cache folder of its own, so the first build is a cold one. Then it
 * rebuilds three times with that cache, as `npm start` does after a submission: with nothing changed, after
 * one new report, after one new article. The article goes through the fast path first when src/fastpath/ exists
 * (tools/bench/fastpath-step.ts), so that the last rebuild is the full rebuild that follows it. It weighs an
 * article page and a compliance page, runs the search page's first query on the staff index, and, when `hugo` is
 * on PATH, builds the same Markdown with a minimal Hugo site for a CPU-seconds reference (tools/bench/hugo.ts).
 * It prints issue 14's targets with pass or fail (tools/bench/targets.ts), the tables of every figure, and the
 * same as JSON.
 * Peak memory is the sum of VmRSS over the whole process tree, sampled every 100 ms from /proc; CPU seconds are
 * the user and system time of the whole tree, from this process's waited-for children in /proc/self/stat:
 * Linux only.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BuildMetrics } from '../src/integrations/build-metrics.ts';
import {
  childCpuSeconds,
  cpuTicks,
  formatBytes,
  formatSeconds,
  formatTable,
  parentOf,
  peakWithin,
  phaseWindows,
  rssBytes,
  treeOf,
  type MemorySample,
  type Phase,
} from '../tools/bench/measure.ts';
import { BUDGETS, pagesBelow, pageWeight } from '../tools/bench/weight.ts';
import type { FastPathStep } from '../tools/bench/fastpath-step.ts';
import { firstSearch, type FirstSearch } from '../tools/bench/first-search.ts';
import { onPath, referenceLine, writeHugoSite, hugoRatio, type HugoRun } from '../tools/bench/hugo.ts';
import { addSubmission } from '../tools/bench/submission.ts';
import {
  judge,
  scaleNote,
  SEARCH_PHRASES,
  TARGET_ENTRIES,
  TARGET_HEADER,
  targetRows,
  type Measurement,
} from '../tools/bench/targets.ts';

const NOW = '2026-11-25T18:00:00+08:00';
const SAMPLE_INTERVAL_MS = 100;

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    'worklog-people': { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
    query: { type: 'string', default: '学术推广' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const entries = Number(values.entries);
if (!Number.isInteger(entries) || entries < 1) fail(`--entries 应为正整数：${values.entries}`);
const worklogPeople = Number(values['worklog-people']);
if (!Number.isInteger(worklogPeople) || worklogPeople < 0)
  fail(`--worklog-people 应为不小于 0 的整数：${values['worklog-people']}`);
if (process.platform !== 'linux' || !existsSync('/proc/self/status'))
  fail('基准测试靠 /proc 计量整个进程树的内存，只能在 Linux 上运行。');

/** One snapshot of the memory of `root` and all its descendants, and of the pagefind processes among them. */
function treeRss(root: number): Omit<MemorySample, 'at'> {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = parentOf(stat);
      if (ppid !== undefined) parents.set(Number(name), ppid);
      names.set(Number(name), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {
      // the process ended between readdir and read
    }
  }
  let total = 0;
  let pagefind = 0;
  for (const pid of treeOf(root, parents)) {
    let rss = 0;
    try {
      rss = rssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      // ended meanwhile
    }
    total += rss;
    if (names.get(pid)?.startsWith('pagefind')) pagefind += rss;
  }
  return { total, pagefind };
}

/** Clock ticks per second of /proc's CPU times. */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();
const selfCpu = () => cpuTicks(readFileSync('/proc/self/stat', 'utf8'))!;

interface Run {
  ms: number;
  /** CPU seconds of the whole process tree (one run at a time, so all of this process's new child time). */
  cpu: { user: number; system: number; total: number };
  /** When the run started, in epoch milliseconds (the clock of the build's metrics file). */
  origin: number;
  samples: MemorySample[];
  /** stdout and stderr, for a failure's report and the generator's summary line. */
  output: string;
}

/** Runs a command, timing it and sampling its process tree's memory. */
function run(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, failed) => {
    const cpuBefore = selfCpu();
    const started = performance.now();
    const origin = performance.timeOrigin + started;
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const samples: MemorySample[] = [];
    const sample = () => {
      if (child.pid !== undefined) samples.push({ at: performance.now() - started, ...treeRss(child.pid) });
    };
    const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
    sample();
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', failed);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      // 'close' comes after Node has waited for the child, so its CPU time is in our children's part now.
      const cpu = childCpuSeconds(cpuBefore, selfCpu(), TICKS_PER_SECOND);
      const output = Buffer.concat(chunks).toString('utf8');
      if (code !== 0) {
        console.error(output);
        failed(new Error(`${command} ${args.join(' ')} 退出码 ${code}`));
        return;
      }
      done({ ms, cpu, origin, samples, output });
    });
  });
}

/** A build's run and the measurements it wrote from Astro's hooks (src/integrations/build-metrics.ts). */
interface BuildRun extends Run {
  metrics: BuildMetrics;
}

/** A measured run as the report gives it. */
interface Measured {
  ms: number;
  cpuSeconds: number;
  peakBytes: number;
  /** The largest part pagefind's processes held at one time. */
  pagefindPeakBytes: number;
}

function measured(r: Run): Measured {
  return {
    ms: Math.round(r.ms),
    cpuSeconds: Math.round(r.cpu.total * 100) / 100,
    peakBytes: Math.max(0, ...r.samples.map((s) => s.total)),
    pagefindPeakBytes: Math.max(0, ...r.samples.map((s) => s.pagefind)),
  };
}

const PHASES: Phase[] = ['sync', 'pages', 'searchIndex'];

/** Each phase's time and the peak memory of the process tree while it ran. */
function phases(r: BuildRun): Partial<Record<Phase, { ms: number; peakBytes: number }>> {
  const windows = phaseWindows(r.metrics.phases, r.origin);
  return Object.fromEntries(
    PHASES.flatMap((phase) => {
      const w = windows[phase];
      return w ? [[phase, { ms: Math.round(w.end - w.start), peakBytes: peakWithin(r.samples, w) }]] : [];
    }),
  );
}

/** How many pages Astro rendered in a build, and how many it copied from its cache. */
function pageCounts(r: BuildRun): { rendered: number; reused: number } {
  return { rendered: r.metrics.pages.rendered.length, reused: r.metrics.pages.reused.length };
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  let total = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

/** The first search that downloads most, as the target's measurement. */
function largestSearch(searches: readonly FirstSearch[]): Measurement {
  const largest = searches.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    value: largest.bytes,
    note:
      `最大的是“${largest.query}”（共测 ${searches.map((q) => `“${q.query}”`).join('')}）` +
      `，读了 ${largest.shards} 个分片`,
  };
}

/** Hugo building the same Markdown as the cold build, when `hugo` is on PATH (tools/bench/hugo.ts). */
async function hugoBuild(): Promise<HugoRun> {
  const hugo = onPath('hugo');
  if (!hugo) return { skipped: 'PATH 上没有 hugo（Debian 的 hugo 软件包；CI 不需要它）' };
  const version = /v[\d.]+/.exec(execFileSync(hugo, ['version'], { encoding: 'utf8' }))?.[0] ?? '版本不明';
  const site = join(work, 'hugo');
  const files = writeHugoSite(content, site);
  console.error(`Hugo ${version} 构建同样的 ${files} 个 Markdown 文件 …`);
  try {
    const r = await run(
      hugo,
      ['--source', site, '--destination', join(site, 'public'), '--cacheDir', join(site, 'cache'), '--quiet'],
      {},
    );
    const { ms, cpuSeconds, peakBytes } = measured(r);
    return { version, files, cpuSeconds, ms, peakBytes };
  } catch (error) {
    // Only a reference: a Hugo that cannot build this Markdown must not cost the targets.
    return { skipped: `Hugo ${version} 构建失败（${(error as Error).message}）` };
  }
}

const work = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const content = join(work, 'content');
const dist = join(work, 'dist');
const buildEnv = {
  PORTAL_CONTENT_DIR: content,
  PORTAL_CACHE_DIR: join(work, 'cache'),
  PORTAL_NOW: NOW,
  ASTRO_TELEMETRY_DISABLED: '1',
};
const node = process.execPath;
const metricsFile = join(work, 'build-metrics.json');
async function build(): Promise<BuildRun> {
  const r = await run('npx', ['astro', 'build', '--outDir', dist], {
    ...buildEnv,
    PORTAL_BUILD_METRICS: metricsFile,
  });
  return { ...r, metrics: JSON.parse(readFileSync(metricsFile, 'utf8')) as BuildMetrics };
}

try {
  console.error(`生成 ${entries} 条示例投稿到 ${content} …`);
  const generate = await run(
    node,
    [
      'scripts/generate-sample.ts',
      '--out',
      content,
      '--entries',
      String(entries),
      '--worklog-months',
      '12',
      '--worklog-people',
      String(worklogPeople),
      '--force',
    ],
    {},
  );
  const generated = generate.output.split('\n').find((t) => t.startsWith('已生成')) ?? '';
  const total = Number(/共 (\d+) 条/.exec(generated)?.[1] ?? entries);
  const extra = /必交材料 (\d+) 份、工作日志 (\d+) 份（(\d+) 天）/.exec(generated);
  const weight = {
    materials: Number(extra?.[1] ?? 0),
    worklogs: Number(extra?.[2] ?? 0),
    worklogDays: Number(extra?.[3] ?? 0),
    worklogPeople,
    worklogBytes: sizeOf(join(content, 'worklogs')),
    contentBytes: sizeOf(content),
  };

  console.error('首次构建（无缓存）…');
  const cold = await build();
  // Pages, not endpoints (rss.xml, the compliance downloads): a page's path has no file extension.
  const pages = cold.metrics.pages.rendered.filter((p) => !/\.\w+$/.test(p)).length;

  const articles = pagesBelow(dist, 'articles');
  const article = articles[0] ? pageWeight(dist, articles[0]) : undefined;
  // A compliance page with its chart (the region pages load chart.js; month pages have no script), else any.
  const weighed = pagesBelow(dist, 'manage/compliance').map((c) => pageWeight(dist, c));
  const compliancePage = weighed.find((w) => w.files.some((f) => f.path.endsWith('.js'))) ?? weighed[0];
  // The first search, for the table's query and each phrase length the target names; the largest counts.
  const searches: FirstSearch[] = [];
  for (const q of new Set([values.query, ...SEARCH_PHRASES])) searches.push(await firstSearch(dist, q));
  const search = searches[0]!;
  const sizes = {
    distBytes: sizeOf(dist),
    staffIndexBytes: sizeOf(join(dist, 'pagefind')),
    managersIndexBytes: sizeOf(join(dist, 'manage/pagefind')),
  };

  const hugo = await hugoBuild();

  console.error('无改动再次构建 …');
  const unchanged = await build();
  console.error('新增一份工作汇报后再次构建 …');
  const reportId = addSubmission(content, 'reports').id;
  const withReport = await build();
  console.error('快速通道：新增一篇内刊投稿 …');
  const fastRun = await run(
    node,
    [
      'tools/bench/fastpath-step.ts',
      '--site',
      dist,
      '--content',
      content,
      '--cache',
      buildEnv.PORTAL_CACHE_DIR,
    ],
    buildEnv,
  );
  const fastStep = JSON.parse(fastRun.output.trim().split('\n').at(-1)!) as FastPathStep;
  const fastPath = { ...fastStep, ...measured(fastRun) };
  const articleId = fastStep.page.split('/')[2]!;
  console.error('新增一篇内刊投稿后完整重建 …');
  const withArticle = await build();
  const built = (page: string) => existsSync(join(dist, page, 'index.html'));

  const rebuilds = {
    unchanged: { ...measured(unchanged), ...pageCounts(unchanged), phases: phases(unchanged) },
    newReport: {
      ...measured(withReport),
      ...pageCounts(withReport),
      phases: phases(withReport),
      page: `/manage/reports/${reportId}/`,
      built: built(`manage/reports/${reportId}`),
    },
    newArticle: {
      ...measured(withArticle),
      ...pageCounts(withArticle),
      phases: phases(withArticle),
      page: `/articles/${articleId}/`,
      built: built(`articles/${articleId}`),
    },
  };

  const coldRun = measured(cold);
  const verdicts = judge({
    fastPath:
      fastPath.visibleMs !== null
        ? { value: fastPath.visibleMs }
        : { value: fastPath.pageMs ?? fastPath.updateMs, incomplete: fastPath.missing ?? '新文章没有出现' },
    rebuildAfterFastPath: { value: rebuilds.newArticle.ms },
    coldBuild: { value: coldRun.ms },
    coldBuildPeak: { value: coldRun.peakBytes },
    firstSearch: largestSearch(searches),
  });
  const targets = { entries: TARGET_ENTRIES, verdicts };
  const reference = referenceLine(coldRun.cpuSeconds, hugo);

  const report = {
    platform: `${process.platform} ${process.arch}，Node ${process.version}，${navigator.hardwareConcurrency} 核`,
    requestedEntries: entries,
    entries: total,
    ...weight,
    pages,
    now: NOW,
    memoryNote: '峰值内存为整个进程树 VmRSS 之和，每 100 毫秒从 /proc 采样一次（仅 Linux）',
    generate: measured(generate),
    build: { ...coldRun, phases: phases(cold) },
    rebuilds,
    fastPath,
    hugo: { ...hugo, ratio: hugoRatio(coldRun.cpuSeconds, hugo) },
    ...sizes,
    pageWeights: { article: article ?? null, compliance: compliancePage ?? null },
    firstQuery: search,
    firstSearches: searches,
    budgets: BUDGETS,
    targets,
    reference,
    workDir: values.keep ? work : null,
  };

  const phaseRows = (r: { phases: ReturnType<typeof phases> }) =>
    (
      [
        ['sync', '  同步内容与类型'],
        ['pages', '  生成页面'],
        ['searchIndex', '  搜索索引'],
      ] as const
    ).map(([phase, label]) => [
      label,
      formatSeconds(r.phases[phase]?.ms),
      r.phases[phase] ? formatBytes(r.phases[phase].peakBytes) : '',
      '',
    ]);
  const runRow = (label: string, r: Measured, note: string) => [
    label,
    formatSeconds(r.ms),
    formatBytes(r.peakBytes),
    `${note}；其中 pagefind 最多 ${formatBytes(r.pagefindPeakBytes)}`,
  ];
  /** What the fast path's stages (src/fastpath/worker.ts STAGES) write. */
  const FAST_PATH_STAGES: Record<string, string> = {
    entries: '投稿本身的页面',
    lists: '首页、列表、当月内刊与区域页',
    rules: '合规、及时性与日历',
  };
  const stageNote = (t: NonNullable<FastPathStep['stages']>[number]) =>
    `${FAST_PATH_STAGES[t.name] ?? t.name} ${t.pages.length} 页：列出路径 ${formatSeconds(t.paths)}，` +
    `写出 ${formatSeconds(t.render)}，建索引 ${formatSeconds(t.search)}`;
  const rebuildNote = (r: { rendered: number; reused: number; built?: boolean }) =>
    `重新生成 ${r.rendered} 页，沿用 ${r.reused} 页${r.built === false ? '；新页面缺失！' : ''}`;
  const rows: string[][] = [
    [
      '生成示例内容',
      formatSeconds(report.generate.ms),
      formatBytes(report.generate.peakBytes),
      `${total} 条；另有必交材料 ${weight.materials} 份、${worklogPeople} 人 12 个月的工作日志 ${weight.worklogs} 份` +
        `（${weight.worklogDays} 天，${formatBytes(weight.worklogBytes)}）`,
    ],
    runRow('首次构建（无缓存）', report.build, `${pages} 页`),
    ...phaseRows(report.build),
    runRow('无改动再次构建', rebuilds.unchanged, rebuildNote(rebuilds.unchanged)),
    runRow('新增一份汇报后重建', rebuilds.newReport, rebuildNote(rebuilds.newReport)),
    ...phaseRows(rebuilds.newReport),
    runRow(
      '快速通道：新增一篇文章',
      { ...fastPath, ms: fastPath.visibleMs ?? fastPath.pageMs ?? fastPath.updateMs },
      `预热 ${formatSeconds(fastPath.warmUpMs)}（不计入），update ${formatSeconds(fastPath.updateMs)}，` +
        `写了 ${fastPath.pages.length} 页、重建分片 ${fastPath.shards.join('、') || '无'}` +
        (fastPath.stages
          ? `（读内容 ${formatSeconds(fastPath.load)}；${fastPath.stages.map(stageNote).join('；')}）`
          : '') +
        (fastPath.missing ? `；${fastPath.missing}！` : ''),
    ),
    runRow('新增一篇文章后重建', rebuilds.newArticle, rebuildNote(rebuilds.newArticle)),
    ...phaseRows(rebuilds.newArticle),
  ];
  const within = (bytes: number | undefined, budget: number) =>
    bytes === undefined
      ? '—'
      : `${formatBytes(bytes)}（预算 ${budget / 1000} KB，${bytes <= budget ? '达标' : '超出'}）`;
  const sizeRows: string[][] = [
    [
      'content 总大小（其中工作日志）',
      `${formatBytes(weight.contentBytes)}（${formatBytes(weight.worklogBytes)}）`,
    ],
    ['dist 总大小', formatBytes(sizes.distBytes)],
    ['员工搜索索引 dist/pagefind', formatBytes(sizes.staffIndexBytes)],
    ['管理人员搜索索引 dist/manage/pagefind', formatBytes(sizes.managersIndexBytes)],
    [
      `文章页 ${article?.page ?? '（无）'}（gzip，含 CSS/字体/JS）`,
      within(article?.gzipBytes, BUDGETS.article),
    ],
    [
      `合规页 ${compliancePage?.page ?? '（无）'}（gzip，含 JS）`,
      within(compliancePage?.gzipBytes, BUDGETS.compliance),
    ],
    [
      `首次搜索“${values.query}”（最新在前，${search.shards} 个分片，${search.files} 个文件，含前 10 条结果）`,
      within(search.bytes, BUDGETS.firstQuery),
    ],
  ];
  console.log(
    `\n基准测试：${total} 条投稿（--entries ${entries}）及 ${worklogPeople} 人的工作日志，${report.platform}`,
  );
  console.log(formatTable(TARGET_HEADER, targetRows(verdicts)));
  console.log(`${scaleNote(total)}\n${reference}\n`);
  console.log(formatTable(['阶段', '用时', '峰值内存', '说明'], rows));
  console.log('');
  console.log(formatTable(['项目', '大小'], sizeRows));
  console.log(
    `\n${report.memoryNote}；子阶段的起止由构建本身从 Astro 的钩子写出（PORTAL_BUILD_METRICS），其峰值内存为该时段内的最大值。\n`,
  );
  const json = JSON.stringify(report, null, 2);
  if (values.json) writeFileSync(resolve(values.json), `${json}\n`);
  console.log(json);
  if (values.keep) console.error(`保留临时文件夹：${work}`);
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
