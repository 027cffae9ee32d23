/**
 * The compliance pages of the sample build agree with `npm run compliance` for the build's "now": the
 * downloads byte for byte, the month pages, the grid and the charts' tables number for number. Only /manage/
 * links to them, only the pages with charts load chart code, and a page with charts stays under 100 KB gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import type { ComplianceExport } from '../src/rules/compliance.ts';
import { lastMonths } from '../src/rules/series.ts';
import { pageMonths } from '../src/site/compliance/months.ts';
import { regionStatusView, reportStatusView } from '../src/site/compliance/status.ts';
import { Temporal } from 'temporal-polyfill';
import { BUILD_NOW, filesBelow, read, type Build } from './support/build.ts';
import { complianceClis } from './support/compliance-cli.ts';

const { content } = loadContent('content');
const months = pageMonths(content, Temporal.Instant.from(BUILD_NOW));
const lastTwelve = lastMonths('2026-11');

type Element = ReturnType<typeof DomUtils.findAll>[number];
/** A status cell reads as its symbol and its word (`✓达标`); the symbol is hidden from screen readers. */
const regionMark = (status: Parameters<typeof regionStatusView>[0]) =>
  `${regionStatusView(status).symbol}${regionStatusView(status).label}`;
const reportMark = (status: Parameters<typeof reportStatusView>[0]) =>
  `${reportStatusView(status).symbol}${reportStatusView(status).label}`;

const text = (el: Element | null | undefined) =>
  el ? DomUtils.textContent(el).replace(/\s+/g, ' ').trim() : '';
const byId = (html: string | ReturnType<typeof parseDocument>, id: string) =>
  DomUtils.getElementById(id, (typeof html === 'string' ? parseDocument(html) : html).children);
const cells = (row: Element | null) => (row ? DomUtils.getElementsByTagName('td', row).map(text) : []);

let site: Build;
const exports = new Map<string, { json: Buffer; csv: Buffer; data: ComplianceExport }>();

beforeAll(async () => {
  site = inject('sample');
  expect(site.status, site.output).toBe(0);
  for (const [month, { json, csv }] of await complianceClis(months))
    exports.set(month, { json, csv, data: JSON.parse(json.toString('utf8')) as ComplianceExport });
});

describe('the compliance pages of the sample build', () => {
  it('exist for the index, every region and every month from the first submission to now', () => {
    expect(months[0]! <= lastTwelve[0]!).toBe(true);
    expect(months.at(-1)).toBe('2026-11');
    const expected = [
      'manage/compliance/index.html',
      ...content.regions.map((r) => `manage/compliance/${r.id}/index.html`),
      ...months.flatMap((m) => [
        `manage/compliance/${m}/index.html`,
        `manage/compliance/${m}.json`,
        `manage/compliance/${m}.csv`,
      ]),
    ];
    for (const file of expected) expect(existsSync(join(site.outDir, file)), file).toBe(true);
  });

  it('offers downloads that are byte for byte what the CLI prints for the same month and --now', () => {
    for (const month of months) {
      const { json, csv } = exports.get(month)!;
      expect(readFileSync(join(site.outDir, `manage/compliance/${month}.json`)).equals(json), month).toBe(
        true,
      );
      expect(readFileSync(join(site.outDir, `manage/compliance/${month}.csv`)).equals(csv), month).toBe(true);
      expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }
  });

  it('shows on each month page the counts and statuses of the CLI', () => {
    for (const month of months) {
      const { data } = exports.get(month)!;
      const html = read(site.outDir, `manage/compliance/${month}/index.html`);
      expect(data.asOf).toBe(BUILD_NOW);
      for (const region of data.regions) {
        expect(cells(byId(html, `region-${region.id}`)), `${month} ${region.id}`).toEqual([
          String(region.articles.count),
          regionMark(region.articles.status),
          String(region.meetings.count),
          String(region.meetings.qualifying),
          regionMark(region.meetings.status),
        ]);
      }
      const rows = DomUtils.findAll(
        (el) => el.name === 'tr' && (el.attribs.id ?? '').startsWith('report-'),
        parseDocument(html).children,
      );
      expect(rows.map((r) => r.attribs.id)).toEqual(
        data.reports.map((r) => `report-${r.person}-${r.kind}-${r.period}`),
      );
      for (const [i, row] of rows.entries()) {
        expect(cells(row).at(-1), row.attribs.id).toBe(reportMark(data.reports[i]!.status));
        expect(cells(row).at(-2) === '—', row.attribs.id).toBe(data.reports[i]!.submitted === null);
      }
    }
  });

  it('shows in the grid the counts and statuses of the last twelve months', () => {
    const html = read(site.outDir, 'manage/compliance/index.html');
    const doc = parseDocument(html);
    const grid = DomUtils.findOne(
      (el) => el.name === 'table' && /\bgrid\b/.test(el.attribs.class ?? ''),
      doc.children,
    )!;
    const bodies = DomUtils.getElementsByTagName('tbody', grid);
    const regions = exports.get('2026-11')!.data.regions.map((r) => r.id);
    expect(bodies).toHaveLength(regions.length);
    for (const [r, body] of bodies.entries()) {
      const [articles, meetings] = DomUtils.getElementsByTagName('tr', body).map(cells);
      const expectedArticles = lastTwelve.map((m) => {
        const counts = exports.get(m)!.data.regions[r]!.articles;
        const view = regionStatusView(counts.status);
        return `${view.symbol}${counts.count}篇，${view.label}`;
      });
      const expectedMeetings = lastTwelve.map((m) => {
        const counts = exports.get(m)!.data.regions[r]!.meetings;
        const view = regionStatusView(counts.status);
        return `${view.symbol}${counts.qualifying}场合格，${view.label}`;
      });
      // Each cell shows the symbol and the count; the unit and the status word are there for screen readers.
      expect(articles).toEqual(expectedArticles);
      expect(meetings).toEqual(expectedMeetings);
    }
  });

  it('puts the same numbers in each chart’s table as the CLI', () => {
    const tableOf = (html: string, index: number) => {
      const figure = DomUtils.findAll((el) => el.name === 'figure', parseDocument(html).children)[index]!;
      expect(DomUtils.findOne((el) => el.name === 'canvas', [figure])?.attribs['data-chart']).toBeTruthy();
      return DomUtils.getElementsByTagName('tbody', figure)[0]!;
    };
    const rowsOf = (tbody: Element) => DomUtils.getElementsByTagName('tr', tbody).map(cells);
    const index = read(site.outDir, 'manage/compliance/index.html');
    const regions = exports.get('2026-11')!.data.regions;
    expect(rowsOf(tableOf(index, 0))).toEqual(
      lastTwelve.map((m) => [...exports.get(m)!.data.regions.map((r) => String(r.articles.count)), '1']),
    );
    expect(rowsOf(tableOf(index, 1))).toEqual(
      lastTwelve.map((m) => [...exports.get(m)!.data.regions.map((r) => String(r.meetings.qualifying)), '1']),
    );
    for (const [i, region] of regions.entries()) {
      const html = read(site.outDir, `manage/compliance/${region.id}/index.html`);
      expect(rowsOf(tableOf(html, 0)), region.id).toEqual(
        lastTwelve.map((m) => {
          const r = exports.get(m)!.data.regions[i]!;
          return [r.articles.count, r.meetings.count, r.meetings.qualifying, 1].map(String);
        }),
      );
    }
  });

  it('lists each region manager’s reports with the statuses of the CLI', () => {
    for (const region of content.regions) {
      const html = parseDocument(read(site.outDir, `manage/compliance/${region.id}/index.html`));
      const managers = new Set(
        content.people.filter((p) => p.region === region.id && p.role === 'manager').map((p) => p.id),
      );
      const expected = lastTwelve.flatMap((m) =>
        exports.get(m)!.data.reports.filter((r) => managers.has(r.person)),
      );
      expect(expected.length, region.id).toBeGreaterThan(0);
      for (const r of expected) {
        const row = byId(html, `report-${r.person}-${r.kind}-${r.period}`);
        expect(cells(row).at(-1), `${region.id} ${r.person} ${r.period}`).toBe(reportMark(r.status));
      }
    }
  });

  it('says on every page when its data is from, in Beijing time', () => {
    for (const page of filesBelow(join(site.outDir, 'manage/compliance')).filter((f) =>
      f.endsWith('.html'),
    )) {
      expect(read(site.outDir, `manage/compliance/${page}`), page).toContain(
        '数据截至 <time datetime="2026-11-25T18:00:00+08:00"',
      );
      // As a reader sees it: the zone note is kept whole by a span of its own.
      const text = read(site.outDir, `manage/compliance/${page}`).replace(/<[^>]+>/g, '');
      expect(text, page).toContain('2026年11月25日 18:00（北京时间）');
    }
  });
});

describe('the compliance pages within the site', () => {
  it('are linked from /manage/ and from no page outside it', () => {
    expect(read(site.outDir, 'manage/index.html')).toContain('href="/manage/compliance/"');
    const outside = filesBelow(site.outDir).filter(
      (f) => !f.startsWith('manage/') && /\.(html|xml|json|js)$/.test(f) && !f.startsWith('pagefind/'),
    );
    expect(outside.length).toBeGreaterThan(100);
    for (const file of outside) expect(read(site.outDir, file), file).not.toContain('/manage/compliance');
  });

  it('load chart code only on pages with charts; article and month pages carry none', () => {
    const scriptsOf = (page: string) =>
      DomUtils.findAll(
        (el) => el.name === 'script' && el.attribs.src !== undefined,
        parseDocument(read(site.outDir, page)).children,
      ).map((el) => el.attribs.src!);
    const isChartCode = (src: string) =>
      read(site.outDir, src.replace(/^\//, '')).includes('beforeDatasetsDraw');
    const chartPages = [
      'manage/compliance/index.html',
      ...content.regions.map((r) => `manage/compliance/${r.id}/index.html`),
      // The activity pages (test/activity.test.ts) chart each region's twelve months and each month's people.
      'manage/activity/index.html',
      ...months.map((m) => `manage/activity/${m}/index.html`),
    ];
    for (const page of chartPages) expect(scriptsOf(page).filter(isChartCode), page).toHaveLength(1);
    const others = filesBelow(site.outDir).filter((f) => f.endsWith('.html') && !chartPages.includes(f));
    expect(others).toEqual(
      expect.arrayContaining([
        'manage/compliance/2026-10/index.html',
        `articles/${content.articles[0]!.id}/index.html`,
      ]),
    );
    for (const page of others) expect(scriptsOf(page).filter(isChartCode), page).toEqual([]);
  });

  it('keeps a page with charts under 100 KB gzipped, chart.js included', () => {
    for (const page of ['manage/compliance/index.html', 'manage/compliance/east/index.html']) {
      const html = read(site.outDir, page);
      const assets = [...html.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map((m) =>
        m[1]!.slice(1),
      );
      const files = [page, ...new Set(assets)];
      const sizes = files.map((f) => gzipSync(readFileSync(join(site.outDir, f)), { level: 9 }).length);
      const total = sizes.reduce((a, b) => a + b, 0);
      console.log(
        `${page}: ${(total / 1024).toFixed(1)} KB gzipped (${files.map((f, i) => `${f} ${(sizes[i]! / 1024).toFixed(1)}`).join(', ')})`,
      );
      expect(total, page).toBeLessThanOrEqual(100 * 1024);
    }
  });
});
