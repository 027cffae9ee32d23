/**
 * Page weight budgets (issue 6), checked on every build of the sample: what a reader's phone downloads for
 * an article and for a compliance page. Every page is weighed, not one picked as typical.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
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
