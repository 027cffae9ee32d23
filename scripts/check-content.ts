/**
 * npm run check:content [-- --dir <folder>]: validates every file of a content folder and prints every
 * problem at once, in Chinese with the English key; exits 1 when there is any.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toolCache } from '../src/load/cache.ts';
import { loadContent } from '../src/load/load.ts';
import { formatProblems } from '../src/load/problems.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'content' } } });
const root = resolve(values.dir);
const { content, problems } = loadContent(root, toolCache());
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
const c = content;
console.log(
  `内容校验通过：${c.regions.length} 个区域，${c.people.length} 人，` +
    `内刊投稿 ${c.articles.length} 篇，会议纪要 ${c.meetings.length} 份，工作汇报 ${c.reports.length} 份，` +
    `工作日志 ${c.worklogs.length} 份。`,
);
