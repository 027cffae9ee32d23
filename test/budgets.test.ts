/**
 * Page weight budgets (issue 6), checked on every build of the sample: what a reader's phone downloads for
 * an article and for a compliance page, and for the first search. Every page is weighed, not one picked as
 * typical.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { firstQuery } from '../src/search/node-pagefind.ts';
import { PAGE_SIZE } from '../src/search/view.ts';
import { BUDGETS, pagesBelow, pageWeight, type PageWeight } from '../tools/bench/weight.ts';

let outDir: string;
beforeAll(() => {
  const sample = inject('sample');
  expect(sample.status, sample.output).toBe(0);
  outDir = sample.outDir;
});

const heaviest = (weights: PageWeight[]) => weights.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

describe('an article page', () => {
  let weights: PageWeight[];
  beforeAll(() => {
    weights = pagesBelow(outDir, 'articles').map((page) => pageWeight(outDir, page));
  });

  it(`weighs at most ${kb(BUDGETS.article)} gzipped with its CSS and fonts, every one of them`, () => {
    expect(weights.length).toBeGreaterThan(100);
    const worst = heaviest(weights);
    console.info(
      `最重的文章页 ${worst.page}：${kb(worst.gzipBytes)}（gzip，含 ${worst.files.length} 个文件）`,
    );
    expect(worst.gzipBytes).toBeLessThanOrEqual(BUDGETS.article);
    // The budget counts more than the HTML alone: the stylesheet is among the files.
    expect(worst.files.some((f) => f.path.endsWith('.css'))).toBe(true);
  });

  it('loads no script at first paint: the search box is a plain form', () => {
    expect(weights.flatMap((w) => w.files.filter((f) => f.path.endsWith('.js')))).toEqual([]);
  });
});

describe('a compliance page', () => {
  let weights: PageWeight[];
  beforeAll(() => {
    // The activity pages (issue 12) are charted compliance pages too, and the 及时性公示 their public side.
    const pages = [
      '/manage/compliance/',
      ...pagesBelow(outDir, 'manage/compliance'),
      '/manage/activity/',
      ...pagesBelow(outDir, 'manage/activity'),
      '/timeliness/',
      ...pagesBelow(outDir, 'timeliness'),
    ];
    weights = pages.map((page) => pageWeight(outDir, page));
  });

  it(`weighs at most ${kb(BUDGETS.compliance)} gzipped, chart.js included`, () => {
    const worst = heaviest(weights);
    console.info(
      `最重的合规页 ${worst.page}：${kb(worst.gzipBytes)}（gzip，含 ${worst.files.length} 个文件）`,
    );
    expect(worst.gzipBytes).toBeLessThanOrEqual(BUDGETS.compliance);
  });

  it('is weighed with its chart script where it has a chart', () => {
    const charted = weights.filter((w) => w.files.some((f) => f.path.endsWith('.js')));
    // The overview and the region pages draw charts; chart.js is the bulk of their weight.
    expect(charted.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...charted.map((w) => w.gzipBytes))).toBeGreaterThan(40_000);
  });
});

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0);
}

describe('the first search', () => {
  it(`downloads at most ${kb(BUDGETS.firstQuery)} for 学术推广 and its first results, opening only the shards it needs`, async () => {
    const first = await firstQuery(outDir, ['/pagefind/'], '学术推广');
    const all = await firstQuery(outDir, ['/pagefind/'], '学术推广', 'relevance');
    console.info(
      `首次搜索“学术推广”（最新在前，含前 ${PAGE_SIZE} 条结果）下载 ${kb(first.bytes)}，${first.files} 个文件，` +
        `打开 ${first.shards} 个分片；按相关度（全部 ${all.shards} 个分片）${kb(all.bytes)}，${all.files} 个文件；` +
        `索引大小：员工 ${kb(sizeOf(join(outDir, 'pagefind')))}，工作汇报 ${kb(sizeOf(join(outDir, 'manage', 'pagefind')))}`,
    );
    expect(first.results).toBeGreaterThanOrEqual(PAGE_SIZE);
    expect(first.bytes).toBeLessThanOrEqual(BUDGETS.firstQuery);
    // Newest first leaves the oldest shard alone.
    expect(first.shards).toBeLessThan(all.shards);
  });
});
