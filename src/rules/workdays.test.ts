import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { nextWorkingDay, workCalendar, workingDaysIn } from './workdays.ts';

const day = (text: string) => Temporal.PlainDate.from(text);
const NATIONAL_DAY = {
  holidays: [{ from: '2026-10-01', to: '2026-10-07', name: '国庆节' }],
  workdays: [
    { date: '2026-09-20', name: '国庆节调休' },
    { date: '2026-10-10', name: '国庆节调休' },
  ],
};

describe('working days (calendar.yaml holidays and 调休)', () => {
  const calendar = workCalendar(NATIONAL_DAY);

  it('works Monday to Friday and rests at the weekend when the calendar says nothing', () => {
    const plain = workCalendar();
    expect(plain.isWorkingDay(day('2026-11-06'))).toBe(true); // Friday
    expect(plain.isWorkingDay(day('2026-11-07'))).toBe(false); // Saturday
    expect(plain.isWorkingDay(day('2026-11-08'))).toBe(false); // Sunday
  });

  it('rests on every day of a holiday range, both ends included', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])
      expect(calendar.isWorkingDay(day(d)), d).toBe(false);
    expect(calendar.isWorkingDay(day('2026-09-30'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-10-08'))).toBe(true);
    expect(calendar.nameOf(day('2026-10-03'))).toBe('国庆节');
  });

  it('works on a 调休 Saturday or Sunday', () => {
    expect(calendar.isWorkingDay(day('2026-10-10'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-09-20'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-10-11'))).toBe(false);
    expect(calendar.nameOf(day('2026-10-10'))).toBe('国庆节调休');
  });

  it('lists the working days of a range, its end excluded', () => {
    const list = workingDaysIn(calendar, day('2026-09-28'), day('2026-10-12')).map(String);
    expect(list).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
    ]);
    // October 2026: 22 weekdays, 5 of them in the holiday, and one 调休 Saturday.
    expect(workingDaysIn(calendar, day('2026-10-01'), day('2026-11-01'))).toHaveLength(18);
  });

  it('finds the next working day across a weekend and across a holiday', () => {
    expect(nextWorkingDay(calendar, day('2026-11-06')).toString()).toBe('2026-11-09');
    expect(nextWorkingDay(calendar, day('2026-09-30')).toString()).toBe('2026-10-08');
    expect(nextWorkingDay(calendar, day('2026-10-09')).toString()).toBe('2026-10-10');
  });

  it('does not hang on an absurd holiday range', () => {
    const long = workCalendar({ holidays: [{ from: '2026-01-01', to: '2099-12-31' }] });
    expect(long.isWorkingDay(day('2026-06-01'))).toBe(false);
    expect(long.isWorkingDay(day('2099-06-01'))).toBe(true);
  });
});
