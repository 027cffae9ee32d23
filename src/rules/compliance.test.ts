import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  computeCompliance,
  countingReport,
  type ComplianceContent,
  type ReportCompliance,
} from './compliance.ts';
import { activeDuring, meetingQualifies, meetingShortfalls } from './counting.ts';
import { article, makeContent, meeting, person, report, REGIONS } from '../../test/support/fixtures.ts';
import { DEFAULT_POLICY, type Policy } from './policy.ts';
import { periodSpan } from '../model/time.ts';

const at = (text: string) => Temporal.Instant.from(text);
/** Long after every month the tests use: asOf only tells pending from missing. */
const LATER = at('2030-01-01T00:00:00+08:00');

const run = (content: ComplianceContent, month: string, asOf = LATER, policy?: Policy) =>
  computeCompliance(content, { month, asOf, policy });
const east = (content: ComplianceContent, month: string, asOf = LATER) =>
  run(content, month, asOf).regions.find((r) => r.id === 'east')!;
const rowsOf = (content: ComplianceContent, month: string, asOf = LATER, who = 'zhangwei') =>
  run(content, month, asOf).reports.filter((r) => r.person === who);
const row = (content: ComplianceContent, month: string, kind: string, period: string, asOf = LATER) =>
  rowsOf(content, month, asOf).find((r) => r.kind === kind && r.period === period);

describe('the contract’s example', () => {
  it('gives the JSON of the content contract, key for key', () => {
    const content = makeContent({
      people: [person('zhangwei', 'manager')],
      articles: [article('east', '2026-10-12T09:30:00+08:00'), article('east', '2026-10-20T10:00:00+08:00')],
      meetings: [
        meeting('east', '2026-10-15T14:00:00+08:00', {
          applied: '2026-10-10T09:00:00+08:00',
          filed: '2026-10-16T09:00:00+08:00',
        }),
        meeting('east', '2026-10-22T14:00:00+08:00', { kind: 'office' }),
      ],
      reports: [report('zhangwei', 'weekly', '2026-W40', '2026-10-05T11:58:00+08:00')],
    });
    const result = run(content, '2026-10', at('2026-11-05T12:00:00+08:00'));
    // The contract's four keys first and unchanged; issue 12's keys only after them.
    expect(Object.keys(result)).toEqual(['month', 'asOf', 'regions', 'reports', 'materials', 'activity']);
    expect(result.month).toBe('2026-10');
    expect(result.asOf).toBe('2026-11-05T12:00:00+08:00');
    expect(result.regions.find((r) => r.id === 'east')).toEqual({
      id: 'east',
      articles: { count: 2, required: 1, status: 'met' },
      meetings: { count: 2, qualifying: 1, required: 1, status: 'met' },
    });
    expect(JSON.stringify(result.regions[0])).toMatch(
      /^\{"id":"east","articles":\{"count":2,"required":1,"status":"met"\},"meetings":\{"count":2,"qualifying":1,"required":1,"status":"met"\}\}$/,
    );
    expect(result.reports[0]).toEqual({
      person: 'zhangwei',
      kind: 'monthly',
      period: '2026-10',
      due: '2026-10-28T23:59:59+08:00',
      submitted: null,
      status: 'missing',
    });
    const weekly = result.reports.find((r) => r.period === '2026-W40')!;
    expect(Object.keys(weekly)).toEqual(['person', 'kind', 'period', 'due', 'submitted', 'status']);
    expect(weekly).toEqual({
      person: 'zhangwei',
      kind: 'weekly',
      period: '2026-W40',
      due: '2026-10-05T12:00:00+08:00',
      submitted: '2026-10-05T11:58:00+08:00',
      status: 'on_time',
    });
  });

  it('prints every time in Beijing time, whatever offset the input had', () => {
    const content = makeContent({
      reports: [report('zhangwei', 'weekly', '2026-W40', '2026-10-05T03:58:00Z')],
    });
    const result = run(content, '2026-10', at('2026-11-05T04:00:00Z'));
    expect(result.asOf).toBe('2026-11-05T12:00:00+08:00');
    expect(result.reports.find((r) => r.person === 'zhangwei' && r.period === '2026-W40')?.submitted).toBe(
      '2026-10-05T11:58:00+08:00',
    );
  });

  it('takes asOf to the whole second, and prints the asOf it used', () => {
    const result = run(makeContent(), '2026-10', at('2026-10-31T23:59:59.999+08:00'));
    expect(result.asOf).toBe('2026-10-31T23:59:59+08:00');
    expect(result.regions[0]!.articles.status).toBe('pending');
  });

  it('refuses a month that does not exist', () => {
    expect(() => run(makeContent(), '2026-13')).toThrow(RangeError);
    expect(() => run(makeContent(), '2026-1')).toThrow(/不是月份/);
  });
});

describe('articles (R6): counted in the Beijing month of their submitted time', () => {
  it.each([
    ['2026-10-31T23:59:59+08:00', 1, 0],
    ['2026-11-01T00:00:00+08:00', 0, 1],
    // 16:00 UTC on 31 October is midnight in Beijing: November, though still October in UTC.
    ['2026-10-31T16:00:00Z', 0, 1],
    ['2026-10-31T15:59:59Z', 1, 0],
    ['2026-10-01T00:00:00+08:00', 1, 0],
    ['2026-09-30T23:59:59+08:00', 0, 0],
    // Late evening in Los Angeles on 30 September is already 1 October in Beijing.
    ['2026-09-30T20:00:00-07:00', 1, 0],
  ])('%s counts for October %i time(s), November %i', (submitted, october, november) => {
    const content = makeContent({ articles: [article('east', submitted)] });
    expect(east(content, '2026-10').articles.count).toBe(october);
    expect(east(content, '2026-11').articles.count).toBe(november);
  });

  it('counts for the article’s region, whoever wrote it and whenever it was written', () => {
    const content = makeContent({
      articles: [
        article('south', '2026-10-05T09:00:00+08:00'),
        // A former member's article and one "submitted" after asOf still count: everything in content counts.
        article('east', '2026-10-05T09:00:00+08:00', 'someone-gone'),
        article('east', '2026-10-30T09:00:00+08:00'),
      ],
    });
    const result = run(content, '2026-10', at('2026-10-10T00:00:00+08:00'));
    expect(result.regions.map((r) => [r.id, r.articles.count])).toEqual([
      ['east', 2],
      ['south', 1],
    ]);
  });

  it('is met at the required count, pending until the month’s last second, missing from 00:00:00 on the 1st', () => {
    const empty = makeContent();
    expect(east(empty, '2026-10', at('2026-10-31T23:59:59+08:00')).articles.status).toBe('pending');
    expect(east(empty, '2026-10', at('2026-10-31T15:59:59.999Z')).articles.status).toBe('pending');
    expect(east(empty, '2026-10', at('2026-11-01T00:00:00+08:00')).articles.status).toBe('missing');
    expect(east(empty, '2026-10', at('2026-10-31T16:00:00Z')).articles.status).toBe('missing');
    // A month that has not begun is pending too.
    expect(east(empty, '2026-12', at('2026-10-15T00:00:00+08:00')).articles.status).toBe('pending');
    const one = makeContent({ articles: [article('east', '2026-10-31T23:59:59+08:00')] });
    expect(east(one, '2026-10', at('2026-10-01T00:00:00+08:00')).articles).toEqual({
      count: 1,
      required: 1,
      status: 'met',
    });
  });

  it('takes the required count from the policy', () => {
    const policy: Policy = { ...DEFAULT_POLICY, articles: { required: 2 } };
    const content = makeContent({ articles: [article('east', '2026-10-12T09:00:00+08:00')] });
    expect(run(content, '2026-10', LATER, policy).regions[0]!.articles).toEqual({
      count: 1,
      required: 2,
      status: 'missing',
    });
  });
});

describe('meetings (R7): counted by start, qualifying when applied before and filed after', () => {
  const START = '2026-10-15T14:00:00+08:00';
  it.each([
    ['applied before, filed after', '2026-10-10T09:00:00+08:00', '2026-10-16T09:00:00+08:00', true],
    ['applied one second before, filed at the start', '2026-10-15T13:59:59+08:00', START, true],
    ['applied at the start', START, '2026-10-16T09:00:00+08:00', false],
    ['applied after the start', '2026-10-15T15:00:00+08:00', '2026-10-16T09:00:00+08:00', false],
    ['never applied for', undefined, '2026-10-16T09:00:00+08:00', false],
    ['memo never filed', '2026-10-10T09:00:00+08:00', undefined, false],
    ['memo filed before the start', '2026-10-10T09:00:00+08:00', '2026-10-15T13:00:00+08:00', false],
    // The same instants in UTC: applied 05:59:59Z is 13:59:59 Beijing.
    ['applied in UTC, one second before', '2026-10-15T05:59:59Z', '2026-10-15T06:00:00Z', true],
  ])('%s: qualifies %s', (_, applied, filed, qualifies) => {
    const m = meeting('east', START, { applied, filed }).data;
    expect(meetingQualifies(m)).toBe(qualifies);
    expect(meetingShortfalls(m).length === 0).toBe(qualifies);
    const result = east(makeContent({ meetings: [{ id: 'm', data: m }] }), '2026-10');
    expect(result.meetings).toEqual({
      count: 1,
      qualifying: qualifies ? 1 : 0,
      required: 1,
      status: qualifies ? 'met' : 'missing',
    });
  });

  it('names what a meeting lacks', () => {
    expect(meetingShortfalls({ start: START })).toEqual(['not-applied', 'not-filed']);
    expect(meetingShortfalls({ start: START, applied: START, filed: '2026-10-15T13:59:59+08:00' })).toEqual([
      'applied-late',
      'filed-early',
    ]);
  });

  it('counts only regional and office meetings of the region, in the Beijing month of their start', () => {
    const ok = { applied: '2026-09-01T09:00:00+08:00', filed: '2026-11-05T09:00:00+08:00' };
    const content = makeContent({
      meetings: [
        meeting('east', '2026-10-01T00:00:00+08:00', { ...ok, kind: 'office' }),
        meeting('east', '2026-10-31T23:59:59+08:00', ok),
        meeting('east', '2026-11-01T00:00:00+08:00', ok),
        meeting('east', '2026-09-30T23:59:59+08:00', ok),
        meeting('east', '2026-10-12T08:30:00+08:00', { ...ok, kind: 'morning' }),
        meeting('east', '2026-10-12T17:20:00+08:00', { ...ok, kind: 'training' }),
        meeting('south', '2026-10-12T14:00:00+08:00', ok),
      ],
    });
    expect(east(content, '2026-10').meetings).toEqual({
      count: 2,
      qualifying: 2,
      required: 1,
      status: 'met',
    });
    expect(east(content, '2026-11').meetings.count).toBe(1);
  });

  it('judges the status on qualifying meetings, not on all of them', () => {
    const content = makeContent({
      meetings: [meeting('east', '2026-10-12T14:00:00+08:00'), meeting('east', '2026-10-20T14:00:00+08:00')],
    });
    expect(east(content, '2026-10', at('2026-10-25T00:00:00+08:00')).meetings).toEqual({
      count: 2,
      qualifying: 0,
      required: 1,
      status: 'pending',
    });
    expect(east(content, '2026-10').meetings.status).toBe('missing');
  });

  it('counts the kinds the policy names', () => {
    const policy: Policy = { ...DEFAULT_POLICY, meetings: { required: 1, kinds: ['training'] } };
    const ok = { applied: '2026-10-01T09:00:00+08:00', filed: '2026-10-20T09:00:00+08:00' };
    const content = makeContent({
      meetings: [
        meeting('east', '2026-10-12T14:00:00+08:00', { ...ok, kind: 'training' }),
        meeting('east', '2026-10-13T14:00:00+08:00', ok),
      ],
    });
    expect(run(content, '2026-10', LATER, policy).regions[0]!.meetings.count).toBe(1);
  });
});

describe('reports (R2–R5): who must file, when, and what counts', () => {
  it('gives each required manager one row per period due in the month, sorted by person, kind, period', () => {
    const result = run(makeContent(), '2026-12');
    const keys = result.reports.map((r) => `${r.person} ${r.kind} ${r.period}`);
    const expected = (p: string) => [
      `${p} achievement 2026-Q4`,
      `${p} monthly 2026-12`,
      `${p} quarterly 2026-Q4`,
      `${p} weekly 2026-W49`,
      `${p} weekly 2026-W50`,
      `${p} weekly 2026-W51`,
      `${p} weekly 2026-W52`,
    ];
    expect(keys).toEqual([...expected('lina'), ...expected('zhangwei')]);
    expect(result.reports.every((r) => r.status === 'missing' && r.submitted === null)).toBe(true);
  });

  it('requires reports of managers only, and ignores reports of anyone else', () => {
    const content = makeContent({
      reports: [
        report('wangfang', 'weekly', '2026-W42', '2026-10-19T09:00:00+08:00'),
        report('liuyang', 'monthly', '2026-10', '2026-10-20T09:00:00+08:00'),
        report('zhangwei', 'daily', '2026-10-12', '2026-10-12T20:00:00+08:00'),
      ],
    });
    const people = new Set(run(content, '2026-10').reports.map((r) => r.person));
    expect([...people].sort()).toEqual(['lina', 'zhangwei']);
    expect(rowsOf(content, '2026-10').some((r) => r.kind === 'daily')).toBe(false);
  });

  describe('the weekly deadline, to the second', () => {
    it.each([
      ['2026-10-19T11:59:59+08:00', 'on_time'],
      ['2026-10-19T12:00:00+08:00', 'on_time'],
      ['2026-10-19T12:00:00.001+08:00', 'late'],
      ['2026-10-19T12:00:01+08:00', 'late'],
      ['2026-10-19T04:00:00Z', 'on_time'],
      ['2026-10-19T04:00:01Z', 'late'],
      ['2026-10-18T21:00:00-07:00', 'on_time'], // Los Angeles evening: 12:00 Monday in Beijing
      ['2026-10-18T21:00:01-07:00', 'late'],
      ['2026-10-12T08:00:00+08:00', 'on_time'], // during the week itself
      ['2026-12-01T08:00:00+08:00', 'late'], // weeks later
    ])('a report of 2026-W42 submitted %s is %s', (submitted, status) => {
      const content = makeContent({ reports: [report('zhangwei', 'weekly', '2026-W42', submitted)] });
      const r = row(content, '2026-10', 'weekly', '2026-W42')!;
      expect(r.due).toBe('2026-10-19T12:00:00+08:00');
      expect(r.status).toBe(status);
    });

    it('prints a fraction of a second when the submitted time has one', () => {
      const content = makeContent({
        reports: [report('zhangwei', 'weekly', '2026-W42', '2026-10-19T12:00:00.5+08:00')],
      });
      expect(row(content, '2026-10', 'weekly', '2026-W42')?.submitted).toBe('2026-10-19T12:00:00.5+08:00');
    });
  });

  it('makes monthly and quarterly reports late one second after 23:59:59', () => {
    const content = makeContent({
      reports: [
        report('zhangwei', 'monthly', '2026-10', '2026-10-28T23:59:59+08:00'),
        report('zhangwei', 'quarterly', '2026-Q4', '2026-12-22T23:59:59+08:00'),
        report('zhangwei', 'achievement', '2026-Q4', '2026-12-23T00:00:00+08:00'),
      ],
    });
    expect(row(content, '2026-10', 'monthly', '2026-10')?.status).toBe('on_time');
    expect(row(content, '2026-12', 'quarterly', '2026-Q4')?.status).toBe('on_time');
    expect(row(content, '2026-12', 'achievement', '2026-Q4')).toMatchObject({
      due: '2026-12-22T23:59:59+08:00',
      submitted: '2026-12-23T00:00:00+08:00',
      status: 'late',
    });
  });

  it('is pending while none is filed and the due time is ahead of asOf, missing from the due time on', () => {
    const content = makeContent();
    const status = (asOf: string) => row(content, '2026-10', 'weekly', '2026-W42', at(asOf))?.status;
    expect(status('2026-10-19T11:59:59+08:00')).toBe('pending');
    expect(status('2026-10-19T12:00:00+08:00')).toBe('missing');
    expect(status('2026-10-19T04:00:00Z')).toBe('missing');
    expect(status('2026-11-01T00:00:00+08:00')).toBe('missing');
  });

  it('counts a report filed after asOf: only a missing one depends on asOf', () => {
    const content = makeContent({
      reports: [report('zhangwei', 'weekly', '2026-W43', '2026-10-26T13:00:00+08:00')],
    });
    const asOf = at('2026-10-19T00:00:00+08:00');
    expect(row(content, '2026-10', 'weekly', '2026-W43', asOf)?.status).toBe('late');
    expect(row(content, '2026-10', 'weekly', '2026-W42', asOf)?.status).toBe('pending');
  });

  it('counts the earliest of several reports for one period', () => {
    const content = makeContent({
      reports: [
        report('zhangwei', 'weekly', '2026-W42', '2026-10-20T09:00:00+08:00', 'b-late'),
        report('zhangwei', 'weekly', '2026-W42', '2026-10-19T11:00:00+08:00', 'c-on-time'),
        report('zhangwei', 'weekly', '2026-W42', '2026-10-19T10:59:00+08:00', 'd-earliest'),
        report('zhangwei', 'monthly', '2026-10', '2026-10-30T09:00:00+08:00', 'e-late-first'),
        report('zhangwei', 'monthly', '2026-10', '2026-11-02T09:00:00+08:00', 'f-later-still'),
      ],
    });
    expect(row(content, '2026-10', 'weekly', '2026-W42')).toMatchObject({
      submitted: '2026-10-19T10:59:00+08:00',
      status: 'on_time',
    });
    // A correction filed after a late report does not make it on time, nor does it add a row.
    expect(rowsOf(content, '2026-10').filter((r) => r.kind === 'monthly')).toEqual([
      expect.objectContaining({ submitted: '2026-10-30T09:00:00+08:00', status: 'late' }),
    ]);
    expect(countingReport(content, 'zhangwei', 'weekly', '2026-W42')?.id).toBe('d-earliest');
  });

  it('breaks a tie between reports filed at the same instant by id, not by file order', () => {
    const a = report('zhangwei', 'weekly', '2026-W42', '2026-10-19T10:00:00+08:00', 'a');
    const b = report('zhangwei', 'weekly', '2026-W42', '2026-10-19T02:00:00Z', 'b');
    expect(countingReport(makeContent({ reports: [b, a] }), 'zhangwei', 'weekly', '2026-W42')?.id).toBe('a');
    expect(countingReport(makeContent({ reports: [a, b] }), 'zhangwei', 'weekly', '2026-W42')?.id).toBe('a');
  });

  it('counts a report for the right period only', () => {
    const content = makeContent({
      reports: [report('zhangwei', 'weekly', '2026-W41', '2026-10-19T09:00:00+08:00')],
    });
    expect(row(content, '2026-10', 'weekly', '2026-W42')?.status).toBe('missing');
    expect(row(content, '2026-10', 'weekly', '2026-W41')?.status).toBe('late');
  });
});

describe('people joining or leaving mid-period', () => {
  const weeksOf = (joined: string, left?: string) =>
    rowsOf(makeContent({ people: [person('zhangwei', 'manager', joined, left)] }), '2026-10')
      .filter((r) => r.kind === 'weekly')
      .map((r) => r.period);

  it.each([
    ['joined on the Wednesday of W42', '2026-10-14', undefined, ['2026-W42', '2026-W43']],
    ['joined on the Sunday that ends W41', '2026-10-11', undefined, ['2026-W41', '2026-W42', '2026-W43']],
    ['joined on the Monday that starts W42', '2026-10-12', undefined, ['2026-W42', '2026-W43']],
    ['left on the Monday that starts W42', '2020-01-01', '2026-10-12', ['2026-W40', '2026-W41', '2026-W42']],
    ['left on the Sunday that ends W41', '2020-01-01', '2026-10-11', ['2026-W40', '2026-W41']],
    ['joined and left within W41', '2026-10-06', '2026-10-07', ['2026-W41']],
    // W40 runs from 28 September: someone who left on 30 September still owes its report, due 5 October.
    ['left in September, during W40', '2020-01-01', '2026-09-30', ['2026-W40']],
    ['left before W40', '2020-01-01', '2026-09-27', []],
  ])('%s: owes %j', (_, joined, left, weeks) => {
    expect(weeksOf(joined, left)).toEqual(weeks);
  });

  it('owes the monthly report when active on any day of the month', () => {
    const monthly = (joined: string, left?: string) =>
      rowsOf(makeContent({ people: [person('zhangwei', 'manager', joined, left)] }), '2026-10').some(
        (r) => r.kind === 'monthly',
      );
    expect(monthly('2026-10-31')).toBe(true);
    expect(monthly('2020-01-01', '2026-10-01')).toBe(true);
    expect(monthly('2026-11-01')).toBe(false);
    expect(monthly('2020-01-01', '2026-09-30')).toBe(false);
  });

  it('owes the quarterly reports when active on any day of the quarter, even after their due time', () => {
    const quarterly = (joined: string, left?: string) =>
      rowsOf(makeContent({ people: [person('zhangwei', 'manager', joined, left)] }), '2026-12')
        .filter((r) => r.kind === 'quarterly' || r.kind === 'achievement')
        .map((r) => r.kind);
    expect(quarterly('2026-12-31')).toEqual(['achievement', 'quarterly']);
    expect(quarterly('2020-01-01', '2026-10-01')).toEqual(['achievement', 'quarterly']);
    expect(quarterly('2020-01-01', '2026-09-30')).toEqual([]);
    expect(quarterly('2027-01-01')).toEqual([]);
  });

  it('reads activity on whole Beijing days, joined and left both inclusive', () => {
    const span = periodSpan('week', '2026-W42')!;
    expect(activeDuring({ joined: '2026-10-18' }, span)).toBe(true);
    expect(activeDuring({ joined: '2026-10-19' }, span)).toBe(false);
    expect(activeDuring({ joined: '2020-01-01', left: '2026-10-12' }, span)).toBe(true);
    expect(activeDuring({ joined: '2020-01-01', left: '2026-10-11' }, span)).toBe(false);
  });
});

describe('ISO weeks and quarters across boundaries', () => {
  it('puts 2026-W53 in January 2027’s export, due Monday 4 January', () => {
    const content = makeContent({
      reports: [report('zhangwei', 'weekly', '2026-W53', '2027-01-04T12:00:00+08:00')],
    });
    expect(rowsOf(content, '2026-12').some((r) => r.period === '2026-W53')).toBe(false);
    expect(row(content, '2027-01', 'weekly', '2026-W53')).toEqual<ReportCompliance>({
      person: 'zhangwei',
      kind: 'weekly',
      period: '2026-W53',
      due: '2027-01-04T12:00:00+08:00',
      submitted: '2027-01-04T12:00:00+08:00',
      status: 'on_time',
    });
  });

  it('has no 2027-W53: the last week of 2027 is W52, due 3 January 2028', () => {
    const weeks = rowsOf(makeContent(), '2028-01')
      .filter((r) => r.kind === 'weekly')
      .map((r) => r.period);
    expect(weeks).toEqual(['2027-W52', '2028-W01', '2028-W02', '2028-W03', '2028-W04']);
    expect(rowsOf(makeContent(), '2027-12').some((r) => r.period.startsWith('2027-W53'))).toBe(false);
  });

  it('reports the quarter in the month its quarterly meeting falls in', () => {
    for (const month of ['2026-10', '2026-11']) {
      expect(rowsOf(makeContent(), month).some((r) => r.kind === 'quarterly')).toBe(false);
    }
    expect(row(makeContent(), '2026-12', 'quarterly', '2026-Q4')?.due).toBe('2026-12-22T23:59:59+08:00');
    expect(row(makeContent(), '2027-03', 'achievement', '2027-Q1')?.due).toBe('2027-03-23T23:59:59+08:00');
  });
});

describe('calendar overrides', () => {
  it('moves the deadline and, with it, the month a report is due in', () => {
    const content = makeContent({
      overrides: [
        { kind: 'monthly', period: '2026-11', start: '2026-11-01T09:00:00+08:00' },
        { kind: 'quarterly', period: '2026-Q4', start: '2027-01-08T13:30:00+08:00' },
      ],
      reports: [report('zhangwei', 'monthly', '2026-11', '2026-10-30T23:59:59+08:00')],
    });
    expect(row(content, '2026-10', 'monthly', '2026-11')).toMatchObject({
      due: '2026-10-30T23:59:59+08:00',
      status: 'on_time',
    });
    expect(rowsOf(content, '2026-11').some((r) => r.kind === 'monthly')).toBe(false);
    // Q4's meeting moved into January: its reports fall due on 5 January.
    expect(rowsOf(content, '2026-12').some((r) => r.kind === 'quarterly')).toBe(false);
    expect(row(content, '2027-01', 'quarterly', '2026-Q4')?.due).toBe('2027-01-05T23:59:59+08:00');
  });
});

describe('ordering', () => {
  it('sorts regions by id in code-point order, not by name or file order', () => {
    const content = makeContent({
      regions: [
        { id: 'south', name: '华南区', manager: 'lina' },
        { id: 'northeast', name: '东北区', manager: 'lina' },
        { id: 'north', name: '华北区', manager: 'lina' },
        { id: 'east', name: '华东区', manager: 'zhangwei' },
      ],
    });
    expect(run(content, '2026-10').regions.map((r) => r.id)).toEqual(['east', 'north', 'northeast', 'south']);
  });

  it('does not depend on the order of the entries', () => {
    const entries = [
      report('zhangwei', 'weekly', '2026-W42', '2026-10-19T09:00:00+08:00'),
      report('lina', 'weekly', '2026-W41', '2026-10-13T09:00:00+08:00'),
      report('zhangwei', 'monthly', '2026-10', '2026-10-29T09:00:00+08:00'),
    ];
    const a = run(makeContent({ reports: entries }), '2026-10');
    const b = run(
      makeContent({ reports: [...entries].reverse(), regions: [...REGIONS].reverse() }),
      '2026-10',
    );
    expect(b).toEqual(a);
  });
});
