/**
 * The materials of 第五篇 二 and the work log's weeks as required submissions, in the engine of R2–R8: their
 * due times, who owes them, their rows in the export (apart from the contract's `reports`), the CSV rows and
 * the timeliness counts.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { WorklogDay } from '../model/index.ts';
import type { ReportKind } from '../model/options.ts';
import { formatDateTime } from '../model/time.ts';
import { PEOPLE, REGIONS, makeContent, person, report, worklog } from '../../test/support/fixtures.ts';
import { dueTime, periodsDueIn } from './calendar.ts';
import { computeCompliance, suspectEntries, timeliness, type ComplianceContent } from './compliance.ts';
import { formatCsv } from './export.ts';
import { DEFAULT_POLICY } from './policy.ts';
import { sightingKey } from './sightings.ts';

const at = (text: string) => Temporal.Instant.from(text);
const LATER = at('2030-01-01T00:00:00+08:00');
const due = (kind: ReportKind, period: string) => {
  const time = dueTime(kind, period, [], DEFAULT_POLICY);
  return time && formatDateTime(time.toInstant());
};
const run = (content: ComplianceContent, month: string, asOf = LATER) =>
  computeCompliance(content, { month, asOf });

describe('due times of the materials', () => {
  it('wants the funding plan for a month by 23:59:59 on the 23rd of the month before', () => {
    expect(due('funding', '2026-12')).toBe('2026-11-23T23:59:59+08:00');
    expect(due('funding', '2027-01')).toBe('2026-12-23T23:59:59+08:00');
  });

  it('wants the monthly materials by 23:59:59 on the 25th of their month', () => {
    for (const kind of ['hr', 'training', 'summary', 'kpi'] as const)
      expect(due(kind, '2026-11'), kind).toBe('2026-11-25T23:59:59+08:00');
  });

  it('wants the quarterly summary on the 25th of the quarter’s last month', () => {
    expect(due('quarter-summary', '2026-Q4')).toBe('2026-12-25T23:59:59+08:00');
    expect(due('quarter-summary', '2027-Q1')).toBe('2027-03-25T23:59:59+08:00');
  });

  it('falls due in the month of its deadline', () => {
    const dueIn = (kind: ReportKind, month: string) =>
      periodsDueIn(kind, month, [], DEFAULT_POLICY).map((p) => p.period);
    expect(dueIn('funding', '2026-11')).toEqual(['2026-12']);
    expect(dueIn('quarter-summary', '2026-11')).toEqual([]);
    expect(dueIn('quarter-summary', '2026-12')).toEqual(['2026-Q4']);
    expect(dueIn('daily', '2026-11')).toEqual([]);
  });
});

describe('the materials rows of the export', () => {
  const supervisor = person('sunli', 'supervisor');
  const content = makeContent({
    people: [...PEOPLE, supervisor],
    reports: [
      report('zhangwei', 'funding', '2026-12', '2026-11-23T20:00:00+08:00'),
      report('sunli', 'hr', '2026-11', '2026-11-26T09:00:00+08:00'),
      report('zhangwei', 'weekly', '2026-W45', '2026-11-09T11:00:00+08:00'),
    ],
  });
  const result = run(content, '2026-11', at('2026-11-25T12:00:00+08:00'));
  const kinds = (who: string) =>
    result.materials
      .filter((r) => r.person === who && r.kind !== 'worklog')
      .map((r) => `${r.kind} ${r.period}`);

  it('keeps the contract’s reports to the contract’s kinds', () => {
    expect(new Set(result.reports.map((r) => r.kind))).toEqual(new Set(['weekly', 'monthly']));
    expect(result.reports.every((r) => r.person === 'zhangwei' || r.person === 'lina')).toBe(true);
  });

  it('asks each role for its own kinds', () => {
    expect(kinds('zhangwei')).toEqual(['funding 2026-12', 'kpi 2026-11', 'summary 2026-11']);
    expect(kinds('sunli')).toEqual(['hr 2026-11', 'kpi 2026-11', 'summary 2026-11', 'training 2026-11']);
    expect(kinds('wangfang')).toEqual(['kpi 2026-11', 'summary 2026-11']);
    expect(kinds('liuyang')).toEqual([]);
  });

  it('judges them like reports', () => {
    const row = (who: string, kind: string) =>
      result.materials.find((r) => r.person === who && r.kind === kind);
    expect(row('zhangwei', 'funding')).toEqual({
      person: 'zhangwei',
      kind: 'funding',
      period: '2026-12',
      due: '2026-11-23T23:59:59+08:00',
      submitted: '2026-11-23T20:00:00+08:00',
      status: 'on_time',
    });
    expect(row('sunli', 'hr')).toMatchObject({ submitted: '2026-11-26T09:00:00+08:00', status: 'late' });
    expect(row('sunli', 'training')).toMatchObject({ submitted: null, status: 'pending' });
    expect(run(content, '2026-11').materials.find((r) => r.kind === 'kpi')!.status).toBe('missing');
  });

  it('are sorted like the reports: person, kind, period', () => {
    const keys = result.materials.map((r) => [r.person, r.kind, r.period].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
  });

  it('asks for the quarterly summary in the quarter’s last month', () => {
    const december = run(content, '2026-12');
    expect(december.materials.filter((r) => r.kind === 'quarter-summary').map((r) => r.person)).toEqual([
      'lina',
      'sunli',
      'wangfang',
      'zhangwei',
    ]);
  });

  it('lists a doubtful material among the month’s 时间存疑 entries', () => {
    const doubtful = makeContent({
      reports: [report('zhangwei', 'kpi', '2026-11', '2026-11-20T09:00:00+08:00', 'kpi-1')],
    });
    const sightings = new Map([
      [sightingKey('reports', 'kpi-1'), { firstSeen: at('2026-11-27T09:00:00+08:00'), baseline: false }],
    ]);
    const options = { month: '2026-11', asOf: LATER, sightings };
    const kpi = computeCompliance(doubtful, options).materials.find(
      (r) => r.kind === 'kpi' && r.person === 'zhangwei',
    );
    expect(kpi).toMatchObject({ status: 'late', suspect: true, firstSeen: '2026-11-27T09:00:00+08:00' });
    expect(suspectEntries(doubtful, options).map((e) => e.id)).toEqual(['kpi-1']);
  });
});

describe('the work log’s weeks', () => {
  /** Rows for the days given, each filed at the time given on its own day. */
  const filed = (time: string, ...dates: string[]): WorklogDay[] =>
    dates.map((date) => ({ date, visits: 3, filed: `${date}T${time}+08:00` }));
  const W46 = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'];
  const weekRow = (content: ComplianceContent, asOf = LATER, who = 'wangfang', period = '2026-W46') =>
    run(content, '2026-11', asOf).materials.find(
      (r) => r.person === who && r.kind === 'worklog' && r.period === period,
    );
  const rep = person('wangfang', 'rep');

  it('is due on the week’s Saturday at 18:00 and on time when every working day was filed by then', () => {
    const content = makeContent({
      people: [rep],
      worklogs: [worklog('wangfang', '2026-11', filed('20:00:00', ...W46))],
    });
    expect(weekRow(content)).toEqual({
      person: 'wangfang',
      kind: 'worklog',
      period: '2026-W46',
      due: '2026-11-14T18:00:00+08:00',
      submitted: '2026-11-13T20:00:00+08:00',
      status: 'on_time',
    });
  });

  it('is late when the last row came after the deadline', () => {
    const days = [
      ...filed('20:00:00', ...W46.slice(0, 4)),
      { date: '2026-11-13', filed: '2026-11-14T18:00:01+08:00' },
    ];
    const content = makeContent({ people: [rep], worklogs: [worklog('wangfang', '2026-11', days)] });
    expect(weekRow(content)).toMatchObject({ submitted: '2026-11-14T18:00:01+08:00', status: 'late' });
  });

  it('is pending before the deadline and missing after it while a working day has no row', () => {
    const content = makeContent({
      people: [rep],
      worklogs: [worklog('wangfang', '2026-11', filed('20:00:00', ...W46.slice(0, 4)))],
    });
    expect(weekRow(content, at('2026-11-14T17:59:59+08:00'))).toMatchObject({
      submitted: null,
      status: 'pending',
    });
    expect(weekRow(content, at('2026-11-14T18:00:00+08:00'))).toMatchObject({
      submitted: null,
      status: 'missing',
    });
  });

  it('asks only for the working days the person was on the roster', () => {
    const joiner = person('wangfang', 'rep', '2026-11-11');
    const content = makeContent({
      people: [joiner],
      worklogs: [worklog('wangfang', '2026-11', filed('09:00:00', '2026-11-11', '2026-11-12', '2026-11-13'))],
    });
    expect(weekRow(content)).toMatchObject({ status: 'on_time', submitted: '2026-11-13T09:00:00+08:00' });
    expect(weekRow(content, LATER, 'wangfang', '2026-W45')).toBeUndefined();
  });

  it('needs no row on a holiday and one on a 调休 Saturday, filed by 18:00 that day', () => {
    const content = makeContent({
      people: [rep],
      holidays: [{ from: '2026-10-01', to: '2026-10-07', name: '国庆节' }],
      workdays: [{ date: '2026-10-10', name: '国庆节调休' }],
      worklogs: [worklog('wangfang', '2026-10', filed('17:00:00', '2026-10-08', '2026-10-09', '2026-10-10'))],
    });
    const row = run(content, '2026-10').materials.find(
      (r) => r.kind === 'worklog' && r.period === '2026-W41',
    );
    expect(row).toMatchObject({ due: '2026-10-10T18:00:00+08:00', status: 'on_time' });
  });

  it('lists the weeks whose Saturday is in the month, for every role that keeps a log', () => {
    const result = run(makeContent({ people: [...PEOPLE, person('sunli', 'supervisor')] }), '2026-11');
    const weeks = (who: string) => result.materials.filter((r) => r.person === who && r.kind === 'worklog');
    expect(weeks('wangfang').map((r) => r.period)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeks('zhangwei')).toHaveLength(4);
    expect(weeks('sunli')).toHaveLength(4);
    expect(weeks('liuyang')).toHaveLength(0);
    // 2026-W53's Saturday is 2 January 2027: the week is January's to file.
    const january = run(makeContent({ people: [rep] }), '2027-01').materials.filter(
      (r) => r.kind === 'worklog',
    );
    expect(january[0]!.period).toBe('2026-W53');
  });
});

describe('timeliness (及时性公示)', () => {
  it('counts each person’s reports and materials of the month by status, everyone on the roster listed', () => {
    const content = makeContent({
      people: [...PEOPLE, person('gone', 'rep', '2020-01-01', '2026-10-31')],
      reports: [
        report('zhangwei', 'funding', '2026-12', '2026-11-23T20:00:00+08:00'),
        report('zhangwei', 'kpi', '2026-11', '2026-11-26T20:00:00+08:00'),
      ],
    });
    const asOf = at('2026-11-25T12:00:00+08:00');
    const list = timeliness(content, '2026-11', asOf);
    expect(list.map((t) => t.person)).toEqual(['zhangwei', 'lina', 'wangfang', 'liuyang']);
    const result = run(content, '2026-11', asOf);
    for (const t of list) {
      const rows = [...result.reports, ...result.materials].filter((r) => r.person === t.person);
      const n = (status: string) => rows.filter((r) => r.status === status).length;
      expect(t).toEqual({
        person: t.person,
        onTime: n('on_time'),
        late: n('late'),
        missing: n('missing'),
        pending: n('pending'),
      });
    }
    expect(list[0]).toMatchObject({ onTime: 1, late: 1 });
    expect(list.find((t) => t.person === 'liuyang')).toEqual({
      person: 'liuyang',
      onTime: 0,
      late: 0,
      missing: 0,
      pending: 0,
    });
  });
});

describe('the CSV rows of issue 12', () => {
  const content = makeContent({
    people: [person('zhangwei', 'manager'), person('wangfang', 'rep')],
    worklogs: [
      worklog('wangfang', '2026-11', [
        {
          date: '2026-11-02',
          visits: 2,
          filed: '2026-11-02T08:00:00+08:00',
          updated: '2026-11-03T09:00:00+08:00',
        },
      ]),
    ],
  });
  const result = run(content, '2026-11', at('2026-11-04T12:00:00+08:00'));
  const lines = formatCsv(result, { regions: REGIONS, people: content.people }).split('\r\n');

  it('writes a material with 类别 材料 and its kind’s name', () => {
    expect(lines).toContain(
      '2026-11,2026-11-04T12:00:00+08:00,材料,下月资金使用计划,east,华东区,zhangwei,测试zhangwei,2026-12,,,,2026-11-23T23:59:59+08:00,,pending,未到期',
    );
    expect(lines).toContain(
      '2026-11,2026-11-04T12:00:00+08:00,材料,工作日志,east,华东区,wangfang,测试wangfang,2026-W45,,,,2026-11-07T18:00:00+08:00,,pending,未到期',
    );
  });

  it('writes an activity row with 类别 工作量, its count against its quota and the marked days', () => {
    expect(lines).toContain(
      '2026-11,2026-11-04T12:00:00+08:00,工作量,有效拜访,east,华东区,wangfang,测试wangfang,2026-11,2,,65,,,pending,' +
        '进行中（低于日定额 1 天：2026-11-02；未填 1 天：2026-11-03；晨会后修改 1 行：2026-11-02 于 2026-11-03T09:00:00+08:00）',
    );
  });

  it('keeps the materials after the reports and the activity last', () => {
    const groups = lines.slice(1, -1).map((l) => l.split(',')[2]);
    const firstMaterial = groups.indexOf('材料');
    const firstActivity = groups.indexOf('工作量');
    expect(firstMaterial).toBeGreaterThan(groups.lastIndexOf('monthly'));
    expect(firstActivity).toBeGreaterThan(groups.lastIndexOf('材料'));
  });
});
