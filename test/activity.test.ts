/**
 * The activity pages and the 及时性公示 of the sample build agree with `npm run compliance` for the build's
 * "now": the downloads row for row, every person's month and weeks on the month pages, who is below the visit
 * quota this week and this month, the twelve-month sums (added up here, independently of the rules), and the
 * timeliness counts (tallied here from the export's report and material rows). Every chart has a table
 * holding its numbers; the 及时性公示 lists nobody off the roster and no activity figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadContent } from '../src/load/load.ts';
import { MEASURES } from '../src/model/options.ts';
import { periodSpan } from '../src/model/time.ts';
import type { ActivityRow } from '../src/rules/activity.ts';
import type { ComplianceExport } from '../src/rules/compliance.ts';
import { activeDuring } from '../src/rules/counting.ts';
import { lastMonths } from '../src/rules/series.ts';
import { MEASURE_UNITS } from '../src/site/activity/labels.ts';
import { activityStatusView } from '../src/site/activity/status.ts';
import { chartRows, type ChartSpec } from '../src/site/compliance/chart-spec.ts';
import { pageMonths } from '../src/site/compliance/months.ts';
import { formatNumber } from '../src/site/format.ts';
import { BUILD_NOW, filesBelow, read, type Build } from './support/build.ts';
import { complianceClis } from './support/compliance-cli.ts';

const { content } = loadContent('content');
const months = pageMonths(content, Temporal.Instant.from(BUILD_NOW));
const lastTwelve = lastMonths('2026-11');
// 25 November 2026 is a Wednesday: week 48 (23–29 November), listed with November.
const THIS_WEEK = '2026-W48';

type Element = ReturnType<typeof DomUtils.findAll>[number];
const text = (el: Element | null | undefined) =>
  el ? DomUtils.textContent(el).replace(/\s+/g, ' ').trim() : '';
const cells = (row: Element | null) => (row ? DomUtils.getElementsByTagName('td', row).map(text) : []);
const byId = (doc: ReturnType<typeof parseDocument>, id: string) => DomUtils.getElementById(id, doc.children);
const idsStartingWith = (doc: ReturnType<typeof parseDocument>, prefix: string) =>
  DomUtils.findAll((el) => (el.attribs.id ?? '').startsWith(prefix), doc.children).map(
    (el) => el.attribs.id!,
  );
const mark = (status: ActivityRow['status']) =>
  `${activityStatusView(status).symbol}${activityStatusView(status).label}`;
const days = (list: readonly string[]) =>
  list.length === 0 ? '无' : list.map((d) => `${Number(d.slice(8))}日`).join('、');
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(0, -1);

let site: Build;
const exports = new Map<string, { json: ComplianceExport; csv: string }>();
const data = (month: string) => exports.get(month)!.json;

beforeAll(async () => {
  site = inject('sample');
  expect(site.status, site.output).toBe(0);
  for (const [month, { json, csv }] of await complianceClis(months))
    exports.set(month, {
      json: JSON.parse(json.toString('utf8')) as ComplianceExport,
      csv: csv.toString('utf8'),
    });
});

describe('the activity pages of the sample build', () => {
  it('exist for the index and every month, with downloads, and the sample has activity to show', () => {
    const expected = [
      'manage/activity/index.html',
      'timeliness/index.html',
      ...months.flatMap((m) => [
        `manage/activity/${m}/index.html`,
        `manage/activity/${m}.json`,
        `manage/activity/${m}.csv`,
        `timeliness/${m}/index.html`,
      ]),
    ];
    for (const file of expected) expect(existsSync(join(site.outDir, file)), file).toBe(true);
    const november = data('2026-11').activity;
    expect(november.filter((r) => r.measure === 'visits').length).toBeGreaterThan(10);
    expect(november.some((r) => r.measure === 'calls')).toBe(true);
    expect(november.some((r) => r.status === 'below' || r.status === 'pending')).toBe(true);
    expect(november.some((r) => r.daysMissing.length > 0)).toBe(true);
  });

  it('offer downloads that are the activity part of the CLI’s export', () => {
    for (const month of months) {
      const { json, csv } = exports.get(month)!;
      const download = read(site.outDir, `manage/activity/${month}.json`);
      expect(JSON.parse(download), month).toEqual({ month, asOf: json.asOf, activity: json.activity });
      expect(download).toBe(
        `${JSON.stringify({ month, asOf: json.asOf, activity: json.activity }, null, 2)}\n`,
      );
      const own = lines(readFileSync(join(site.outDir, `manage/activity/${month}.csv`), 'utf8'));
      const theirs = lines(csv);
      expect(own[0], month).toBe(theirs[0]);
      expect(own.length - 1, month).toBe(json.activity.length);
      // Each row is one of the CLI's, in the CLI's order.
      const positions = own.slice(1).map((line) => theirs.indexOf(line));
      expect(
        positions.every((p) => p > 0),
        month,
      ).toBe(true);
      expect(positions, month).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('show on each month page every row of the CLI: month, weeks, days below, days not filed', () => {
    for (const month of months) {
      const doc = parseDocument(read(site.outDir, `manage/activity/${month}/index.html`));
      const rows = data(month).activity;
      const id = (r: ActivityRow) => `activity-${r.person}-${r.measure}-${r.scope}-${r.period}`;
      expect(idsStartingWith(doc, 'activity-').sort(), month).toEqual(rows.map(id).sort());
      for (const row of rows) {
        const el = byId(doc, id(row));
        if (row.scope === 'month') {
          const [count, required, status, ...rest] = cells(el);
          expect([count, required, status], id(row)).toEqual([
            String(row.count),
            String(row.required),
            mark(row.status),
          ]);
          expect(rest.slice(-2), id(row)).toEqual([days(row.daysBelow), days(row.daysMissing)]);
        } else {
          const view = activityStatusView(row.status);
          expect(text(el), id(row)).toBe(
            `${view.symbol}${row.count}${MEASURE_UNITS[row.measure]}，${view.label}/${row.required}`,
          );
        }
      }
    }
  });

  it('mark the rows changed after the next morning meeting, with their time', () => {
    let seen = 0;
    for (const month of months) {
      const doc = parseDocument(read(site.outDir, `manage/activity/${month}/index.html`));
      const changed = new Map<string, string>();
      for (const row of data(month).activity)
        for (const c of row.changedLater ?? []) changed.set(`changed-${row.person}-${c.date}`, c.updated);
      expect(idsStartingWith(doc, 'changed-').sort(), month).toEqual([...changed.keys()].sort());
      for (const [key, updated] of changed) {
        const time = DomUtils.findOne((el) => el.name === 'time', [byId(doc, key)!]);
        expect(time?.attribs.datetime, key).toBe(updated);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('list on the index who is below the visit quota this week and this month, as the CLI says', () => {
    const doc = parseDocument(read(site.outDir, 'manage/activity/index.html'));
    const short = (scope: string, period: string) =>
      data('2026-11').activity.filter(
        (r) => r.measure === 'visits' && r.scope === scope && r.period === period && r.status !== 'met',
      );
    for (const [prefix, rows] of [
      ['below-week', short('week', THIS_WEEK)],
      ['below-month', short('month', '2026-11')],
    ] as const) {
      expect(rows.length, prefix).toBeGreaterThan(0);
      const ids = idsStartingWith(doc, `${prefix}-`).filter((i) => !i.startsWith(`${prefix}-region-`));
      expect(ids.sort(), prefix).toEqual(rows.map((r) => `${prefix}-${r.person}`).sort());
      for (const row of rows)
        expect(cells(byId(doc, `${prefix}-${row.person}`)), row.person).toEqual([
          String(row.count),
          String(row.required),
          mark(row.status),
        ]);
    }
  });

  it('chart each region’s twelve months of visits, and of calls where owed, as sums of the CLI’s rows', () => {
    const doc = parseDocument(read(site.outDir, 'manage/activity/index.html'));
    const figures = DomUtils.findAll((el) => el.name === 'figure', doc.children);
    const regions = [...content.regions].sort((a, b) => (a.id < b.id ? -1 : 1));
    const monthRows = (month: string, region: string, measure: string) =>
      data(month).activity.filter((r) => r.region === region && r.measure === measure && r.scope === 'month');
    const charted = (['visits', 'calls'] as const).flatMap((measure) =>
      regions
        .filter((r) => measure === 'visits' || lastTwelve.some((m) => monthRows(m, r.id, measure).length > 0))
        .map((region) => ({ region, measure })),
    );
    // The sample has telesales people in some regions: both kinds of chart are there.
    expect(charted.filter((c) => c.measure === 'calls').length).toBeGreaterThan(0);
    expect(figures).toHaveLength(charted.length);
    for (const [i, { region, measure }] of charted.entries()) {
      const body = DomUtils.getElementsByTagName('tbody', figures[i]!)[0]!;
      const expected = lastTwelve.map((month) => {
        const rows = monthRows(month, region.id, measure);
        return [rows.reduce((s, r) => s + r.count, 0), rows.reduce((s, r) => s + r.required, 0)].map(
          formatNumber,
        );
      });
      expect(DomUtils.getElementsByTagName('tr', body).map(cells), `${region.id} ${measure}`).toEqual(
        expected,
      );
    }
  });

  it('give every chart a table with the chart’s own numbers', () => {
    const pages = filesBelow(site.outDir).filter((f) => f.endsWith('.html'));
    let charts = 0;
    for (const page of pages) {
      const doc = parseDocument(read(site.outDir, page));
      for (const canvas of DomUtils.findAll((el) => el.name === 'canvas', doc.children)) {
        charts++;
        let figure: Element | null = canvas;
        while (figure && figure.name !== 'figure') figure = figure.parent as Element | null;
        expect(figure, page).toBeTruthy();
        const spec = JSON.parse(canvas.attribs['data-chart']!) as ChartSpec;
        const body = DomUtils.getElementsByTagName('tbody', figure!)[0]!;
        const rows = DomUtils.getElementsByTagName('tr', body);
        expect(
          rows.map((r) => [text(DomUtils.findOne((el) => el.name === 'th', [r])), ...cells(r)]),
          page,
        ).toEqual(chartRows(spec).map((r) => [r.label, ...r.values.map(formatNumber)]));
      }
    }
    expect(charts).toBeGreaterThan(content.regions.length * 2);
  });
});

describe('the 及时性公示', () => {
  const measureWords = [...MEASURES.map((m) => m.label), '拜访', '电话', '达成', '发货', '回款'];

  it('counts per person what the CLI’s report and material rows say, for people on the roster only', () => {
    for (const month of months) {
      const page =
        month === '2026-11'
          ? ['timeliness/index.html', `timeliness/${month}/index.html`]
          : [`timeliness/${month}/index.html`];
      const span = periodSpan('month', month)!;
      const active = content.people.filter((p) => activeDuring(p, span));
      const tally = new Map(active.map((p) => [p.id, [0, 0, 0, 0]]));
      const column = { on_time: 0, late: 1, missing: 2, pending: 3 } as const;
      for (const row of [...data(month).reports, ...data(month).materials]) {
        const counts = tally.get(row.person);
        if (counts) counts[column[row.status]]!++;
      }
      for (const file of page) {
        const doc = parseDocument(read(site.outDir, file));
        const ids = idsStartingWith(doc, 'timeliness-').map((id) => id.slice('timeliness-'.length));
        expect(ids.sort(), file).toEqual(active.map((p) => p.id).sort());
        for (const person of active) {
          const row = byId(doc, `timeliness-${person.id}`);
          expect(text(DomUtils.findOne((el) => el.name === 'th', [row!])), file).toBe(person.name);
          expect(cells(row), `${file} ${person.id}`).toEqual(tally.get(person.id)!.map(String));
        }
        // Nobody else is named: the names of people off the roster that month appear nowhere in the page.
        const main = text(DomUtils.findOne((el) => el.name === 'main', doc.children));
        for (const other of content.people.filter((p) => !active.includes(p)))
          if (!active.some((p) => p.name.includes(other.name)))
            expect(main.includes(other.name), `${file} names ${other.id}`).toBe(false);
        for (const word of measureWords) expect(main.includes(word), `${file}: ${word}`).toBe(false);
      }
    }
  });

  it('shows the latest month at /timeliness/, which all staff reach from the home page and the footer', () => {
    expect(read(site.outDir, 'timeliness/index.html')).toContain('2026年11月及时性公示');
    expect(read(site.outDir, 'index.html')).toContain('href="/timeliness/"');
    expect(read(site.outDir, `articles/${content.articles[0]!.id}/index.html`)).toContain(
      'href="/timeliness/"',
    );
  });
});

describe('the activity pages within the site', () => {
  it('are linked from /manage/ and from no page outside it', () => {
    expect(read(site.outDir, 'manage/index.html')).toContain('href="/manage/activity/"');
    const outside = filesBelow(site.outDir).filter(
      (f) => !f.startsWith('manage/') && /\.(html|xml|json|js)$/.test(f) && !f.startsWith('pagefind/'),
    );
    for (const file of outside) expect(read(site.outDir, file), file).not.toContain('/manage/activity');
  });
});
