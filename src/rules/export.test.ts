import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeCompliance } from './compliance.ts';
import { CSV_COLUMNS, formatCsv, formatJson } from './export.ts';
import { article, makeContent, meeting, PEOPLE, REGIONS, report } from '../../test/support/fixtures.ts';
import { sightingKey } from './sightings.ts';

const content = makeContent({
  articles: [article('east', '2026-10-12T09:30:00+08:00')],
  meetings: [
    meeting('east', '2026-10-15T14:00:00+08:00', {
      applied: '2026-10-10T09:00:00+08:00',
      filed: '2026-10-16T09:00:00+08:00',
    }),
  ],
  reports: [report('zhangwei', 'weekly', '2026-W40', '2026-10-05T11:58:00+08:00')],
});
const result = computeCompliance(content, {
  month: '2026-10',
  asOf: Temporal.Instant.from('2026-10-20T12:00:00+08:00'),
});

/** A small RFC 4180 reader, enough to check what Excel and other tools will read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('formatJson', () => {
  it('pretty-prints with two spaces and ends with a newline', () => {
    const json = formatJson(result);
    expect(json.endsWith('}\n')).toBe(true);
    expect(
      json.startsWith('{\n  "month": "2026-10",\n  "asOf": "2026-10-20T12:00:00+08:00",\n  "regions": [\n'),
    ).toBe(true);
    expect(JSON.parse(json)).toEqual(result);
  });

  it('writes null for a report not yet submitted', () => {
    expect(formatJson(result)).toContain('"submitted": null,');
  });
});

describe('formatCsv', () => {
  const csv = formatCsv(result, { regions: REGIONS, people: PEOPLE });

  it('starts with a UTF-8 byte-order mark and ends every line, the last too, with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has the documented header and one row per region count, per report, per material and per activity row', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(result.materials.length).toBeGreaterThan(0);
    expect(result.activity.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(
      1 +
        2 * result.regions.length +
        result.reports.length +
        result.materials.length +
        result.activity.length,
    );
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('writes the region counts with codes for tools and Chinese for readers', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[1]).toEqual([
      '2026-10',
      '2026-10-20T12:00:00+08:00',
      'articles',
      '内刊投稿',
      'east',
      '华东区',
      '',
      '',
      '2026-10',
      '1',
      '',
      '1',
      '',
      '',
      'met',
      '达标',
    ]);
    expect(rows[2]!.slice(2, 16)).toEqual([
      'meetings',
      '销售沟通会',
      'east',
      '华东区',
      '',
      '',
      '2026-10',
      '1',
      '1',
      '1',
      '',
      '',
      'met',
      '达标',
    ]);
    expect(rows[4]!.slice(2, 6)).toEqual(['meetings', '销售沟通会', 'south', '华南区']);
    expect(rows[4]!.slice(14)).toEqual(['pending', '进行中']);
  });

  it('writes each report row with its person, period, due and submitted times and status', () => {
    const rows = parseCsv(csv.slice(1)).slice(5, 5 + result.reports.length);
    const w40 = rows.find((r) => r[8] === '2026-W40' && r[6] === 'zhangwei')!;
    expect(w40).toEqual([
      '2026-10',
      '2026-10-20T12:00:00+08:00',
      'weekly',
      '周报',
      'east',
      '华东区',
      'zhangwei',
      '测试zhangwei',
      '2026-W40',
      '',
      '',
      '',
      '2026-10-05T12:00:00+08:00',
      '2026-10-05T11:58:00+08:00',
      'on_time',
      '按时',
    ]);
    const pending = rows.find((r) => r[8] === '2026-W43' && r[6] === 'lina')!;
    expect(pending.slice(12)).toEqual(['2026-10-26T12:00:00+08:00', '', 'pending', '未到期']);
    expect(rows.map((r) => `${r[6]} ${r[2]} ${r[8]}`)).toEqual(
      result.reports.map((r) => `${r.person} ${r.kind} ${r.period}`),
    );
  });

  it('quotes commas, quotes and line breaks, and keeps Excel from running names as formulas', () => {
    const regions = [
      { id: 'east', name: '华东区, "一部"', manager: 'zhangwei' },
      { id: 'south', name: '=HYPERLINK("x")', manager: 'lina' },
    ];
    const rows = parseCsv(formatCsv(result, { regions, people: PEOPLE }).slice(1));
    expect(rows[1]![5]).toBe('华东区, "一部"');
    expect(rows[3]![5]).toBe(`'=HYPERLINK("x")`);
    expect(formatCsv(result, { regions, people: PEOPLE })).toContain(',"华东区, ""一部""",');
  });

  it('leaves names empty for ids the roster does not know', () => {
    const rows = parseCsv(formatCsv(result, { regions: [], people: [] }).slice(1));
    expect(rows[1]![5]).toBe('');
    expect(rows.at(-1)![7]).toBe('');
  });
});

describe('the export of 时间存疑 entries', () => {
  // An article claimed on 10-12, seen on 10-13; a weekly report claimed on time for 2026-W41, seen 10-14.
  const doubted = makeContent({
    articles: [article('east', '2026-10-12T09:30:00+08:00', 'wangfang', 'a-late')],
    meetings: content.meetings,
    reports: [report('zhangwei', 'weekly', '2026-W41', '2026-10-12T11:00:00+08:00', 'r-late')],
  });
  const sightings = new Map([
    [
      sightingKey('articles', 'a-late'),
      { firstSeen: Temporal.Instant.from('2026-10-13T09:00:00+08:00'), baseline: false },
    ],
    [
      sightingKey('reports', 'r-late'),
      { firstSeen: Temporal.Instant.from('2026-10-14T08:00:00+08:00'), baseline: false },
    ],
  ]);
  const flagged = computeCompliance(doubted, {
    month: '2026-10',
    asOf: Temporal.Instant.from('2026-10-20T12:00:00+08:00'),
    sightings,
  });

  it('adds exactly the contract’s fields to the JSON, and only where something is suspect', () => {
    const json = JSON.parse(formatJson(flagged)) as typeof flagged;
    const east = json.regions.find((r) => r.id === 'east')!;
    expect(east.articles).toEqual({ count: 1, required: 1, status: 'met', suspect: 1 });
    expect(east.meetings).toEqual({ count: 1, qualifying: 1, required: 1, status: 'met' });
    expect(json.regions.find((r) => r.id === 'south')!.articles).toEqual({
      count: 0,
      required: 1,
      status: 'pending',
    });
    const w41 = json.reports.find((r) => r.person === 'zhangwei' && r.period === '2026-W41');
    expect(w41).toEqual({
      person: 'zhangwei',
      kind: 'weekly',
      period: '2026-W41',
      due: '2026-10-12T12:00:00+08:00',
      submitted: '2026-10-12T11:00:00+08:00',
      status: 'late',
      suspect: true,
      firstSeen: '2026-10-14T08:00:00+08:00',
    });
    expect(formatJson(flagged)).toContain(
      '      "status": "late",\n      "suspect": true,\n      "firstSeen": "2026-10-14T08:00:00+08:00"\n    }',
    );
    expect(json.reports.filter((r) => 'suspect' in r)).toHaveLength(1);
  });

  it('keeps the CSV’s columns and says what was doubted in the status text of those rows only', () => {
    const rows = parseCsv(formatCsv(flagged, { regions: REGIONS, people: PEOPLE }).slice(1));
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(rows[1]!.slice(14)).toEqual(['met', '达标（其中 1 篇时间存疑，按首次出现时间计）']);
    expect(rows[2]!.slice(14)).toEqual(['met', '达标']);
    const w41 = rows.find((r) => r[8] === '2026-W41' && r[6] === 'zhangwei')!;
    expect(w41.slice(12)).toEqual([
      '2026-10-12T12:00:00+08:00',
      '2026-10-12T11:00:00+08:00',
      'late',
      '逾期（时间存疑：首次出现于 2026-10-14T08:00:00+08:00，按此时间计）',
    ]);
    const lina = rows.find((r) => r[8] === '2026-W41' && r[6] === 'lina')!;
    expect(lina.slice(14)).toEqual(['missing', '缺交']);
  });

  it('is byte for byte today’s export when the ledger holds nothing suspect', () => {
    const baseline = new Map([...sightings].map(([k, v]) => [k, { ...v, baseline: true }]));
    const options = { month: '2026-10', asOf: Temporal.Instant.from('2026-10-20T12:00:00+08:00') };
    const plain = computeCompliance(doubted, options);
    const withBaseline = computeCompliance(doubted, { ...options, sightings: baseline });
    expect(formatJson(withBaseline)).toBe(formatJson(plain));
    expect(formatCsv(withBaseline, { regions: REGIONS, people: PEOPLE })).toBe(
      formatCsv(plain, { regions: REGIONS, people: PEOPLE }),
    );
  });
});
