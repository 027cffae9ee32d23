/**
 * The quota counting at every edge issue 12 names: a week crossing a month (two log files), ISO week 53, a
 * person joining on a Wednesday, a holiday, a 调休 Saturday; and the R16 marks (days below quota, 未填, rows
 * changed after the next morning meeting). npm test runs these in three time zones.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Person, WorklogDay } from '../model/index.ts';
import { makeContent, person, worklog } from '../../test/support/fixtures.ts';
import { activityRows, measuresOf, weeksOfMonth, type ActivityRow } from './activity.ts';

const at = (text: string) => Temporal.Instant.from(text);
const LATER = at('2030-01-01T00:00:00+08:00');

const rep = (id = 'wangfang', joined = '2020-01-01', left?: string) => person(id, 'rep', joined, left);
/** A row for each day given, with `visits` visits and filed on the day itself. */
const visits = (n: number, ...dates: string[]): WorklogDay[] =>
  dates.map((date) => ({ date, visits: n, filed: `${date}T08:30:00+08:00` }));
/** The weekdays of [from, to] as `YYYY-MM-DD`. */
const weekdays = (from: string, to: string) => {
  const days: string[] = [];
  for (
    let d = Temporal.PlainDate.from(from);
    Temporal.PlainDate.compare(d, Temporal.PlainDate.from(to)) <= 0;
    d = d.add({ days: 1 })
  )
    if (d.dayOfWeek <= 5) days.push(d.toString());
  return days;
};

const NATIONAL_DAY = {
  holidays: [{ from: '2026-10-01', to: '2026-10-07', name: '国庆节' }],
  workdays: [
    { date: '2026-09-20', name: '国庆节调休' },
    { date: '2026-10-10', name: '国庆节调休' },
  ],
};
const NEW_YEAR = { holidays: [{ from: '2027-01-01', to: '2027-01-03', name: '元旦' }], workdays: [] };

type Content = Parameters<typeof activityRows>[0];
const rows = (content: Content, month: string, asOf = LATER) => activityRows(content, { month, asOf });
const find = (list: ActivityRow[], period: string, measure = 'visits', who = 'wangfang') =>
  list.find((r) => r.person === who && r.period === period && r.measure === measure);

describe('which ISO weeks a month reports', () => {
  it('lists the weeks whose Thursday is in the month', () => {
    expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeksOfMonth('2026-12')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    // 2027-W01 starts on 4 January: the days before it belong to 2026-W53, which December reports.
    expect(weeksOfMonth('2027-01')).toEqual(['2027-W01', '2027-W02', '2027-W03', '2027-W04']);
  });
});

describe('who owes what', () => {
  it('takes the team’s measures before the role’s, and none for roles without quotas', () => {
    expect(measuresOf(rep())).toEqual(['visits']);
    expect(measuresOf({ role: 'rep', team: 'telesales' })).toEqual(['calls', 'intents', 'leads', 'posts']);
    expect(measuresOf({ role: 'supervisor', team: 'field' })).toEqual(['visits']);
    expect(measuresOf({ role: 'manager' })).toEqual([]);
    expect(measuresOf({ role: 'head' })).toEqual([]);
  });

  it('gives rows only to people who owe a measure and are on the roster in the period', () => {
    const content = makeContent({
      people: [rep(), person('zhangwei', 'manager'), rep('gone', '2020-01-01', '2026-10-31')],
    });
    const list = rows(content, '2026-11');
    expect(new Set(list.map((r) => r.person))).toEqual(new Set(['wangfang']));
    expect(list.map((r) => `${r.scope} ${r.period}`)).toEqual([
      'month 2026-11',
      'week 2026-W45',
      'week 2026-W46',
      'week 2026-W47',
      'week 2026-W48',
    ]);
  });
});

describe('a week crossing a month', () => {
  // 2026-W49 runs from Monday 30 November to Sunday 6 December: its Thursday is in December.
  const content = makeContent({
    people: [rep()],
    worklogs: [
      worklog('wangfang', '2026-11', visits(3, '2026-11-30')),
      worklog('wangfang', '2026-12', visits(3, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04')),
    ],
  });

  it('counts the rows of both months’ logs in the week, and reports the week with December', () => {
    const week = find(rows(content, '2026-12'), '2026-W49')!;
    expect(week).toMatchObject({ count: 15, required: 15, status: 'met', daysBelow: [], daysMissing: [] });
    expect(find(rows(content, '2026-11'), '2026-W49')).toBeUndefined();
  });

  it('counts in each month only that month’s days', () => {
    expect(find(rows(content, '2026-11'), '2026-11')!.count).toBe(3);
    expect(find(rows(content, '2026-12'), '2026-12')!.count).toBe(12);
  });

  it('lists a missing day of the week even when it lies in the other month', () => {
    const onlyDecember = makeContent({ people: [rep()], worklogs: [content.worklogs![1]!] });
    const week = find(rows(onlyDecember, '2026-12'), '2026-W49')!;
    expect(week).toMatchObject({ count: 12, required: 15, status: 'below', daysMissing: ['2026-11-30'] });
  });
});

describe('ISO week 53', () => {
  // 2026-W53: Monday 28 December 2026 to Sunday 3 January 2027, 1 January a holiday (元旦).
  const days = [...visits(3, '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31')];
  const content = makeContent({
    people: [rep()],
    ...NEW_YEAR,
    worklogs: [
      worklog('wangfang', '2026-12', days),
      worklog('wangfang', '2027-01', [{ date: '2027-01-02', visits: 2, filed: '2027-01-02T20:00:00+08:00' }]),
    ],
  });

  it('is December’s last week, counted across both years’ logs', () => {
    const week = find(rows(content, '2026-12'), '2026-W53')!;
    // Four working days of five: ceil(15 × 4 / 5) = 12; the Saturday row counts too.
    expect(week).toMatchObject({ count: 14, required: 12, status: 'met', daysMissing: [] });
    expect(rows(content, '2027-01').some((r) => r.period === '2026-W53')).toBe(false);
  });

  it('is pending while it runs and below once over', () => {
    const empty = makeContent({ people: [rep()], ...NEW_YEAR });
    const running = find(rows(empty, '2026-12', at('2026-12-30T12:00:00+08:00')), '2026-W53')!;
    expect(running).toMatchObject({ count: 0, status: 'pending', daysMissing: ['2026-12-28', '2026-12-29'] });
    const over = find(rows(empty, '2026-12', at('2027-01-04T00:00:00+08:00')), '2026-W53')!;
    expect(over.status).toBe('below');
    expect(over.daysMissing).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });
});

describe('a person joining on a Wednesday', () => {
  // Wednesday 11 November 2026.
  const joiner = rep('wangfang', '2026-11-11');
  const content = makeContent({
    people: [joiner],
    worklogs: [worklog('wangfang', '2026-11', visits(3, ...weekdays('2026-11-11', '2026-11-30')))],
  });
  const list = rows(content, '2026-11');

  it('owes the week in proportion to the working days on the roster', () => {
    // Wednesday to Friday: ceil(15 × 3 / 5) = 9.
    expect(find(list, '2026-W46')).toMatchObject({ count: 9, required: 9, status: 'met', daysMissing: [] });
    expect(find(list, '2026-W45')).toBeUndefined();
  });

  it('owes the month in proportion too', () => {
    // 14 of November's 21 working days: ceil(65 × 14 / 21) = 44.
    expect(find(list, '2026-11')).toMatchObject({ count: 42, required: 44, status: 'below', daysBelow: [] });
  });

  it('is never missing a day before joining', () => {
    const empty = makeContent({ people: [joiner] });
    expect(find(rows(empty, '2026-11'), '2026-W46')!.daysMissing).toEqual([
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
    ]);
  });

  it('prorates a person leaving mid-week the same way', () => {
    // Leaves on Tuesday 17 November: Monday and Tuesday of W47, ceil(15 × 2 / 5) = 6.
    const leaver = makeContent({ people: [rep('wangfang', '2020-01-01', '2026-11-17')] });
    expect(find(rows(leaver, '2026-11'), '2026-W47')).toMatchObject({
      required: 6,
      daysMissing: ['2026-11-16', '2026-11-17'],
    });
  });
});

describe('a holiday', () => {
  const content = makeContent({
    people: [rep()],
    ...NATIONAL_DAY,
    worklogs: [
      worklog('wangfang', '2026-09', visits(3, '2026-09-28', '2026-09-29', '2026-09-30')),
      worklog('wangfang', '2026-10', [
        ...visits(2, '2026-10-03'), // worked on a holiday: counts, owes nothing
        ...visits(3, '2026-10-08', '2026-10-09', '2026-10-10'),
      ]),
    ],
  });
  const list = rows(content, '2026-10');

  it('owes nothing on the holiday’s days and the week shrinks with them', () => {
    // 2026-W40 (Thursday 1 October): working Monday to Wednesday only, ceil(15 × 3 / 5) = 9.
    expect(find(list, '2026-W40')).toMatchObject({ count: 11, required: 9, status: 'met', daysMissing: [] });
  });

  it('owes the month in proportion to its working days', () => {
    // October 2026: 18 working days (22 weekdays, 5 of them off, one 调休 Saturday): ceil(65 × 18 / 22) = 54.
    expect(find(list, '2026-10')!.required).toBe(54);
  });

  it('gives daily quotas without a week figure only on working days', () => {
    const caller = makeContent({ people: [{ ...rep(), team: 'telesales' } as Person], ...NATIONAL_DAY });
    const week = find(rows(caller, '2026-10'), '2026-W40', 'calls')!;
    expect(week.required).toBe(900); // 300 × 3
  });
});

describe('a 调休 Saturday', () => {
  // 2026-W41: 5–7 October off, Thursday 8, Friday 9 and Saturday 10 October (调休) worked.
  it('owes the daily quota on the Saturday and marks it 未填 when nothing is filed', () => {
    const content = makeContent({
      people: [rep()],
      ...NATIONAL_DAY,
      worklogs: [worklog('wangfang', '2026-10', visits(3, '2026-10-08', '2026-10-09'))],
    });
    const week = find(rows(content, '2026-10'), '2026-W41')!;
    expect(week).toMatchObject({ count: 6, required: 9, status: 'below', daysMissing: ['2026-10-10'] });
  });

  it('never raises a week’s figure above the policy’s', () => {
    // 2026-W38 (14–20 September) has six working days with the 调休 Sunday: still 15 visits.
    const content = makeContent({
      people: [rep()],
      ...NATIONAL_DAY,
      worklogs: [worklog('wangfang', '2026-09', visits(3, ...weekdays('2026-09-14', '2026-09-18')))],
    });
    const week = find(rows(content, '2026-09'), '2026-W38')!;
    expect(week).toMatchObject({ count: 15, required: 15, status: 'met', daysMissing: ['2026-09-20'] });
    // The daily quotas of a measure without a week figure count all six days.
    const caller = makeContent({ people: [{ ...rep(), team: 'telesales' } as Person], ...NATIONAL_DAY });
    expect(find(rows(caller, '2026-09'), '2026-W38', 'calls')!.required).toBe(1800);
  });
});

describe('days below quota, 未填 and changed later (R16)', () => {
  const content = makeContent({
    people: [rep()],
    worklogs: [
      worklog('wangfang', '2026-11', [
        { date: '2026-11-02', visits: 2, filed: '2026-11-02T08:00:00+08:00' },
        { date: '2026-11-03', filed: '2026-11-03T08:00:00+08:00' }, // a row without a count
        { date: '2026-11-07', visits: 5, filed: '2026-11-07T08:00:00+08:00' }, // Saturday
        // Thursday's row: next working day Friday 13th, meeting 08:40 (given in UTC: 00:41Z is 08:41).
        { date: '2026-11-12', visits: 3, updated: '2026-11-13T00:41:00Z' },
        // Friday's row: Monday's meeting is at 10:00.
        { date: '2026-11-13', visits: 3, updated: '2026-11-16T09:59:00+08:00' },
        { date: '2026-11-20', visits: 3, updated: '2026-11-23T10:00:01+08:00' },
        { date: '2026-11-26', visits: 3, updated: '2026-11-27T08:40:00+08:00' }, // at the meeting: not later
      ]),
    ],
  });

  it('lists below-quota days and missing days apart, only for days that are over', () => {
    const asOf = at('2026-11-05T15:00:00+08:00');
    const week = find(rows(content, '2026-11', asOf), '2026-W45')!;
    expect(week.daysBelow).toEqual(['2026-11-02', '2026-11-03']);
    expect(week.daysMissing).toEqual(['2026-11-04']); // the 5th is today: not judged yet
    expect(week.count).toBe(7);
    expect(week.status).toBe('pending');
  });

  it('marks rows changed after the next working day’s morning meeting, with the time, in month rows only', () => {
    const list = rows(content, '2026-11');
    expect(find(list, '2026-11')!.changedLater).toEqual([
      { date: '2026-11-12', updated: '2026-11-13T08:41:00+08:00' },
      { date: '2026-11-20', updated: '2026-11-23T10:00:01+08:00' },
    ]);
    expect(find(list, '2026-W46')!).not.toHaveProperty('changedLater');
  });

  it('takes the next working day across a holiday for the meeting', () => {
    const holiday = makeContent({
      people: [rep()],
      ...NATIONAL_DAY,
      worklogs: [
        worklog('wangfang', '2026-09', [
          { date: '2026-09-30', visits: 3, updated: '2026-10-05T12:00:00+08:00' },
        ]),
      ],
    });
    expect(find(rows(holiday, '2026-09'), '2026-09')!.changedLater).toEqual([]);
  });

  it('counts one row per day when two files give the same day: the smaller id’s', () => {
    const twice = makeContent({
      people: [rep()],
      worklogs: [
        worklog('wangfang', '2026-11', visits(5, '2026-11-02'), '2026/2026-11-wangfang-b'),
        worklog('wangfang', '2026-11', visits(1, '2026-11-02'), '2026/2026-11-wangfang'),
      ],
    });
    expect(find(rows(twice, '2026-11'), '2026-11')!.count).toBe(1);
  });
});
