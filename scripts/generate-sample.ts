/**
 * Writes the deterministic sample content:
 *   node scripts/generate-sample.ts [--out content] [--seed 2026] [--end 2026-11-25] [--months 12]
 *                                   [--scale 1 | --entries N] [--worklog-months 12] [--worklog-people N]
 *                                   [--force]
 * Into content/ it replaces org/, articles/, meetings/, reports/ and worklogs/ wholesale; any other folder must
 * be empty or missing unless --force is given. --worklog-people adds telesales staff until that many people
 * keep work logs (the benchmark's 300).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { generateSampleWithCounts, planForEntries } from '../tools/sample/generate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'content' },
    seed: { type: 'string', default: '2026' },
    end: { type: 'string', default: '2026-11-25' },
    months: { type: 'string', default: '12' },
    scale: { type: 'string' },
    entries: { type: 'string' },
    'worklog-months': { type: 'string', default: '12' },
    'worklog-people': { type: 'string', default: '0' },
    force: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const out = resolve(values.out);
const isContent = out === resolve('content');
if (!isContent && existsSync(out) && readdirSync(out).length > 0 && !values.force) {
  fail(`目标文件夹 ${values.out} 不是空的；确认要覆盖其中的示例内容时请加 --force。`);
}
const monthsArg = Number(values.months);
if (!Number.isInteger(monthsArg) || monthsArg < 1) fail(`--months 应为正整数：${values.months}`);
try {
  Temporal.PlainDate.from(values.end, { overflow: 'reject' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.end)) throw new Error();
} catch {
  fail(`--end 应为有效日期（YYYY-MM-DD）：${values.end}`);
}
const worklogMonths = Number(values['worklog-months']);
if (!Number.isInteger(worklogMonths) || worklogMonths < 0)
  fail(`--worklog-months 应为不小于 0 的整数：${values['worklog-months']}`);
const worklogPeople = Number(values['worklog-people']);
if (!Number.isInteger(worklogPeople) || worklogPeople < 0)
  fail(`--worklog-people 应为不小于 0 的整数：${values['worklog-people']}`);
const base = { seed: values.seed, end: values.end, months: monthsArg, worklogMonths, worklogPeople };

const started = performance.now();
let options = { ...base, scale: values.scale === undefined ? 1 : Number(values.scale) };
if (values.entries !== undefined) {
  const wanted = Number(values.entries);
  if (!Number.isInteger(wanted) || wanted < 1) fail(`--entries 应为正整数：${values.entries}`);
  options = { ...base, ...planForEntries(wanted, base) };
}
if (!(options.scale > 0)) fail(`--scale 应为正数：${values.scale}`);

let sample;
try {
  sample = generateSampleWithCounts(options);
} catch (e) {
  fail(`生成失败：${e instanceof Error ? e.message : String(e)}`);
}

for (const folder of ['org', 'articles', 'meetings', 'reports', 'worklogs'])
  rmSync(join(out, folder), { recursive: true, force: true });
const made = new Set<string>();
for (const [path, text] of sample.files) {
  const file = join(out, path);
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(file, text);
}

const c = sample.counts;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const rel = relative(process.cwd(), out);
const where = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
console.log(
  `已生成示例内容：组织文件 ${c.org} 个，内刊投稿 ${c.articles} 篇，会议纪要 ${c.meetings} 份，工作汇报 ${c.reports} 份` +
    `（共 ${c.articles + c.meetings + c.reports} 条，${options.months} 个月，截至 ${options.end}，种子 ${options.seed}），` +
    `另有必交材料 ${c.materials} 份、工作日志 ${c.worklogs} 份（${c.worklogDays} 天），写入 ${where}/，用时 ${seconds} 秒。`,
);
