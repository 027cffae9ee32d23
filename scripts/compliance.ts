/**
 * npm run compliance -- --month 2026-10 [--now <datetime>] [--format json|csv] [--dir <folder>]
 *
 * Prints the compliance export of one month (content contract, "Compliance export") from the content folder
 * directly, without a build, with the first sightings of the folder's git repository (src/ledger) as the
 * build uses them. Exit status 0 on success, 2 for a bad argument or invalid content, with the
 * reason in Chinese on stderr and nothing on stdout.
 */
import { resolve } from 'node:path';
import { readSightings } from '../src/ledger/sightings.ts';
import { toolCache } from '../src/load/cache.ts';
import { loadContent } from '../src/load/load.ts';
import { formatProblems } from '../src/load/problems.ts';
import { parseMonth } from '../src/model/time.ts';
import { computeCompliance } from '../src/rules/compliance.ts';
import { formatCsv, formatJson } from '../src/rules/export.ts';
import { cliOptions, fail as failWith, nowOption } from './lib/args.ts';
import type { Sightings } from '../src/rules/sightings.ts';

const USAGE = `用法：npm run compliance -- --month 2026-10 [--now 2026-11-05T12:00:00+08:00] [--format json|csv] [--dir content]

  --month   要统计的月份（北京时间），必填，如 2026-10
  --now     视为“现在”的时间，须带时区，精确到秒；只用来区分“未到期/进行中”和“缺交/未达标”。默认为当前时间
  --format  json（默认）或 csv（带 BOM、CRLF，可直接用 Excel 打开）
  --dir     内容目录，默认 content；它所在的 git 仓库有首次出现台账（portal-ledger 分支）时，按台账标出时间存疑的条目

供其他程序读取时请加 -s（npm run -s compliance -- …），否则 npm 会在输出前打印两行命令回显。`;

const fail: (message: string) => never = (message) => failWith(message, USAGE);

const values = cliOptions(
  {
    month: { type: 'string' },
    now: { type: 'string' },
    format: { type: 'string', default: 'json' },
    dir: { type: 'string', default: 'content' },
  },
  USAGE,
);
const month = values.month as string | undefined;
const format = values.format as string;
const dir = values.dir as string;
if (month === undefined) fail('缺少 --month，如 --month 2026-10');
if (!parseMonth(month)) fail(`--month “${month}” 不是月份，应写成 2026-10 这样的格式（四位年份-两位月份）`);
const asOf = nowOption(values.now as string | undefined, USAGE);

if (format !== 'json' && format !== 'csv') fail(`--format “${format}” 不支持，只能是 json 或 csv`);

const { content, problems } = loadContent(resolve(dir), toolCache());
if (problems.length > 0) {
  process.stderr.write(`${formatProblems(problems)}\n`);
  process.exit(2);
}

let sightings: Sightings | undefined;
try {
  sightings = readSightings(resolve(dir));
} catch (error) {
  process.stderr.write(`错误：${(error as Error).message}\n`);
  process.exit(2);
}

const result = computeCompliance(content, { month, asOf, sightings });
process.stdout.write(format === 'csv' ? formatCsv(result, content) : formatJson(result));
