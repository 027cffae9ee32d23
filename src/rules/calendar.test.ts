import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CalendarOverride } from '../model/index.ts';
import type { ReportKind } from '../model/options.ts';
import { formatDateTime } from '../model/time.ts';
import { dueTime, lastWeekdayOf, periodsDueIn, periodsStartingIn, standingMeetingStart } from './calendar.ts';
import { DEFAULT_POLICY, type Policy } from './policy.ts';

const text = (z: Temporal.ZonedDateTime | undefined) => z && formatDateTime(z.toInstant());
const due = (kind: ReportKind, period: string, overrides: CalendarOverride[] = [], policy = DEFAULT_POLICY) =>
  text(dueTime(kind, period, overrides, policy));
const dueIn = (
  kind: ReportKind,
  month: string,
  overrides: CalendarOverride[] = [],
  policy = DEFAULT_POLICY,
) => periodsDueIn(kind, month, overrides, policy).map((p) => `${p.period} ${text(p.due)}`);

describe('standing meetings (R8)', () => {
  it.each([
    ['2026-10', '2026-10-30'],
    ['2026-07', '2026-07-31'], // the month ends on a Friday
    ['2026-02', '2026-02-27'],
    ['2027-01', '2027-01-29'],
    ['2026-05', '2026-05-29'], // 31 May is a Sunday
  ])('the last Friday of %s is %s', (month, day) => {
    expect(lastWeekdayOf(Temporal.PlainYearMonth.from(month), 5).toString()).toBe(day);
  });

  it('holds the monthly meeting at 13:30 Beijing time on the last Friday', () => {
    expect(text(standingMeetingStart('monthly', '2026-10', [], DEFAULT_POLICY))).toBe(
      '2026-10-30T13:30:00+08:00',
    );
  });

  it('holds the quarterly meeting on the last Friday of the quarter’s last month', () => {
    const quarterly = (q: string) => text(standingMeetingStart('quarterly', q, [], DEFAULT_POLICY));
    expect(quarterly('2026-Q1')).toBe('2026-03-27T13:30:00+08:00');
    expect(quarterly('2026-Q2')).toBe('2026-06-26T13:30:00+08:00');
    expect(quarterly('2026-Q3')).toBe('2026-09-25T13:30:00+08:00');
    expect(quarterly('2026-Q4')).toBe('2026-12-25T13:30:00+08:00');
  });

  it('takes a moved meeting from the calendar overrides, for its own kind and period only', () => {
    const overrides: CalendarOverride[] = [
      { kind: 'monthly', period: '2026-12', start: '2026-12-18T15:00:00+08:00' },
    ];
    expect(text(standingMeetingStart('monthly', '2026-12', overrides, DEFAULT_POLICY))).toBe(
      '2026-12-18T15:00:00+08:00',
    );
    // Moving December's monthly meeting does not move the quarterly meeting of Q4, nor November's.
    expect(text(standingMeetingStart('quarterly', '2026-Q4', overrides, DEFAULT_POLICY))).toBe(
      '2026-12-25T13:30:00+08:00',
    );
    expect(text(standingMeetingStart('monthly', '2026-11', overrides, DEFAULT_POLICY))).toBe(
      '2026-11-27T13:30:00+08:00',
    );
  });

  it('is undefined for a period of the wrong format', () => {
    expect(standingMeetingStart('monthly', '2026-Q4', [], DEFAULT_POLICY)).toBeUndefined();
    expect(standingMeetingStart('quarterly', '2026-10', [], DEFAULT_POLICY)).toBeUndefined();
  });
});

describe('due times (R2–R5)', () => {
  it('makes the weekly report due at 12:00 on the Monday after the ISO week', () => {
    expect(due('weekly', '2026-W42')).toBe('2026-10-19T12:00:00+08:00');
    expect(due('weekly', '2026-W40')).toBe('2026-10-05T12:00:00+08:00');
  });

  it('handles ISO weeks across a year boundary: 2026-W53 exists, 2027-W53 does not', () => {
    expect(due('weekly', '2026-W01')).toBe('2026-01-05T12:00:00+08:00'); // the week began on 29 Dec 2025
    expect(due('weekly', '2026-W52')).toBe('2026-12-28T12:00:00+08:00');
    expect(due('weekly', '2026-W53')).toBe('2027-01-04T12:00:00+08:00');
    expect(due('weekly', '2027-W01')).toBe('2027-01-11T12:00:00+08:00');
    expect(due('weekly', '2027-W52')).toBe('2028-01-03T12:00:00+08:00');
    expect(due('weekly', '2027-W53')).toBeUndefined();
    expect(due('weekly', '2026-W54')).toBeUndefined();
  });

  it('makes the monthly report due at 23:59:59 two days before the monthly meeting', () => {
    expect(due('monthly', '2026-10')).toBe('2026-10-28T23:59:59+08:00');
    expect(due('monthly', '2026-07')).toBe('2026-07-29T23:59:59+08:00');
  });

  it('makes the quarterly report and the achievement table due at 23:59:59 three days before the quarterly meeting', () => {
    expect(due('quarterly', '2026-Q4')).toBe('2026-12-22T23:59:59+08:00');
    expect(due('achievement', '2026-Q4')).toBe('2026-12-22T23:59:59+08:00');
    expect(due('quarterly', '2026-Q1')).toBe('2026-03-24T23:59:59+08:00');
    expect(due('achievement', '2026-Q3')).toBe('2026-09-22T23:59:59+08:00');
  });

  it('follows a moved meeting, counting days on the Beijing date of the moved start', () => {
    const overrides: CalendarOverride[] = [
      { kind: 'monthly', period: '2026-09', start: '2026-09-24T13:30:00+08:00' },
      // 17:00 UTC on 23 December is 01:00 on 24 December in Beijing: three days before is the 21st.
      { kind: 'quarterly', period: '2026-Q4', start: '2026-12-23T17:00:00Z' },
    ];
    expect(due('monthly', '2026-09', overrides)).toBe('2026-09-22T23:59:59+08:00');
    expect(due('quarterly', '2026-Q4', overrides)).toBe('2026-12-21T23:59:59+08:00');
    expect(due('achievement', '2026-Q4', overrides)).toBe('2026-12-21T23:59:59+08:00');
    expect(due('monthly', '2026-12', overrides)).toBe('2026-12-23T23:59:59+08:00');
  });

  it('requires no daily report by default (R1), and none of a period that does not exist', () => {
    expect(due('daily', '2026-10-12')).toBeUndefined();
    expect(due('monthly', '2026-13')).toBeUndefined();
  });

  it('reads its offsets and cut-off from the policy', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      calendar: { ...DEFAULT_POLICY.calendar, monthly: { weekday: 4, time: '09:00' } },
      reports: {
        ...DEFAULT_POLICY.reports,
        due: {
          ...DEFAULT_POLICY.reports.due,
          weekly: { kind: 'after-period', weekday: 2, time: '09:30' },
          monthly: { kind: 'before-meeting', days: 1, time: '18:00' },
          daily: { kind: 'after-period', weekday: 1, time: '00:00' },
        },
      },
    };
    expect(due('weekly', '2026-W42', [], policy)).toBe('2026-10-20T09:30:00+08:00');
    // Last Thursday of October 2026 is the 29th; one day before, 18:00.
    expect(due('monthly', '2026-10', [], policy)).toBe('2026-10-28T18:00:00+08:00');
    // A Monday-based rule for a day: due on the next Monday (or that very day when it ends on one).
    expect(due('daily', '2026-10-14', [], policy)).toBe('2026-10-19T00:00:00+08:00');
    expect(due('daily', '2026-10-18', [], policy)).toBe('2026-10-19T00:00:00+08:00');
  });

  it('refuses a before-meeting rule for periods that have no standing meeting', () => {
    const policy: Policy = {
      ...DEFAULT_POLICY,
      reports: {
        ...DEFAULT_POLICY.reports,
        due: { weekly: { kind: 'before-meeting', days: 1, time: '12:00' } },
      },
    };
    expect(() => due('weekly', '2026-W42', [], policy)).toThrow(/例会/);
  });
});

describe('periods falling due in a Beijing month', () => {
  it('lists the weeks whose Monday-after falls in the month', () => {
    expect(dueIn('weekly', '2026-10')).toEqual([
      '2026-W40 2026-10-05T12:00:00+08:00',
      '2026-W41 2026-10-12T12:00:00+08:00',
      '2026-W42 2026-10-19T12:00:00+08:00',
      '2026-W43 2026-10-26T12:00:00+08:00',
    ]);
    // W44 (26 Oct – 1 Nov) is due on 2 November: it belongs to November.
    expect(dueIn('weekly', '2026-11')[0]).toBe('2026-W44 2026-11-02T12:00:00+08:00');
  });

  it('puts 2026-W53 in January 2027 and no 2027-W53 anywhere', () => {
    expect(dueIn('weekly', '2026-12').map((p) => p.split(' ')[0])).toEqual([
      '2026-W49',
      '2026-W50',
      '2026-W51',
      '2026-W52',
    ]);
    expect(dueIn('weekly', '2027-01').map((p) => p.split(' ')[0])).toEqual([
      '2026-W53',
      '2027-W01',
      '2027-W02',
      '2027-W03',
    ]);
    expect(dueIn('weekly', '2028-01').map((p) => p.split(' ')[0])).toEqual([
      '2027-W52',
      '2028-W01',
      '2028-W02',
      '2028-W03',
      '2028-W04',
    ]);
  });

  it('gives each month its own monthly report, and each quarter’s last month its quarterly ones', () => {
    expect(dueIn('monthly', '2026-11')).toEqual(['2026-11 2026-11-25T23:59:59+08:00']);
    expect(dueIn('quarterly', '2026-11')).toEqual([]);
    expect(dueIn('quarterly', '2026-12')).toEqual(['2026-Q4 2026-12-22T23:59:59+08:00']);
    expect(dueIn('achievement', '2026-03')).toEqual(['2026-Q1 2026-03-24T23:59:59+08:00']);
    expect(dueIn('daily', '2026-10')).toEqual([]);
  });

  it('moves a report into the month its moved meeting makes it due in', () => {
    // November's monthly meeting brought forward to 1 November: its report is due on 30 October.
    const overrides: CalendarOverride[] = [
      { kind: 'monthly', period: '2026-11', start: '2026-11-01T09:00:00+08:00' },
    ];
    expect(dueIn('monthly', '2026-10', overrides)).toEqual([
      '2026-10 2026-10-28T23:59:59+08:00',
      '2026-11 2026-10-30T23:59:59+08:00',
    ]);
    expect(dueIn('monthly', '2026-11', overrides)).toEqual([]);
  });

  it('is empty for a month that does not exist', () => {
    expect(dueIn('weekly', '2026-13')).toEqual([]);
  });
});

describe('periods starting in a range of days', () => {
  const from = Temporal.PlainDate.from('2026-12-30');
  const to = Temporal.PlainDate.from('2027-01-12');
  it.each([
    ['date', ['2026-12-30', '2026-12-31', '2027-01-01']],
    ['week', ['2027-W01', '2027-W02']],
    ['month', ['2027-01']],
    ['quarter', ['2027-Q1']],
  ] as const)('lists %s periods from their first day', (format, expected) => {
    const periods = periodsStartingIn(format, from, to);
    expect(periods.slice(0, expected.length)).toEqual(expected);
  });

  it('includes a week, month or quarter starting on the first day and excludes one starting on the last', () => {
    expect(
      periodsStartingIn('week', Temporal.PlainDate.from('2026-10-12'), Temporal.PlainDate.from('2026-10-26')),
    ).toEqual(['2026-W42', '2026-W43']);
    expect(
      periodsStartingIn(
        'quarter',
        Temporal.PlainDate.from('2026-10-01'),
        Temporal.PlainDate.from('2027-01-01'),
      ),
    ).toEqual(['2026-Q4']);
  });
});
