import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  addMonths,
  beijingMonth,
  formatChineseDateTime,
  formatChineseMonth,
  formatDateTime,
  formatDateTimeExact,
  formatQuarter,
  formatWeek,
  isoWeeksInYear,
  lacksOffset,
  monthOf,
  parseDate,
  parseDateTime,
  parseWeek,
  periodSpan,
} from './time.ts';

describe('the machine time zone does not matter', () => {
  it('runs under the zone the suite was started with', () => {
    // The suite runs three times (Asia/Shanghai, UTC, America/Los_Angeles); this proves the zone took effect.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ ?? 'Asia/Shanghai');
  });

  it('puts 23:59:59 and 00:00:00 Beijing time in their Beijing months', () => {
    expect(monthOf(parseDateTime('2026-10-31T23:59:59+08:00')!)).toBe('2026-10');
    expect(monthOf(parseDateTime('2026-11-01T00:00:00+08:00')!)).toBe('2026-11');
    // 16:00 UTC on 31 October is already November in Beijing.
    expect(monthOf(parseDateTime('2026-10-31T16:00:00Z')!)).toBe('2026-11');
  });

  it('formats instants in Beijing time', () => {
    const instant = parseDateTime('2026-10-12T01:30:00Z')!;
    expect(formatDateTime(instant)).toBe('2026-10-12T09:30:00+08:00');
    expect(formatChineseDateTime(instant)).toBe('2026年10月12日 09:30');
  });
});

describe('beijingMonth', () => {
  it('keeps 23:59:59 on the last day in its month and moves 00:00:00 to the next', () => {
    expect(beijingMonth('2026-10-31T23:59:59+08:00')).toBe('2026-10');
    expect(beijingMonth('2026-11-01T00:00:00+08:00')).toBe('2026-11');
  });

  it('reads times written with another offset in Beijing time', () => {
    expect(beijingMonth('2026-10-31T15:59:59Z')).toBe('2026-10');
    expect(beijingMonth('2026-10-31T16:00:00Z')).toBe('2026-11');
    expect(beijingMonth('2026-10-31T12:00:00-05:00')).toBe('2026-11');
  });
});

describe('formatChineseMonth', () => {
  it('names a month in Chinese and refuses anything else', () => {
    expect(formatChineseMonth('2026-10')).toBe('2026年10月');
    expect(() => formatChineseMonth('2026-13')).toThrow('不是月份');
  });
});

describe('strict parsing', () => {
  it.each([
    ['2026-10-12T09:30:00+08:00', true],
    ['2026-10-12T09:30+08:00', true],
    ['2026-10-12T01:30:00Z', true],
    ['2026-10-12T09:30:00', false],
    ['2026-10-12 09:30:00+08:00', false],
    ['2024-02-30T09:30:00+08:00', false],
    ['2024-13-45T09:30:00+08:00', false],
    ['2026-10-12T25:00:00+08:00', false],
  ])('datetime %s valid: %s', (text, valid) => {
    expect(parseDateTime(text) !== undefined).toBe(valid);
  });

  it('recognises a datetime without offset', () => {
    expect(lacksOffset('2026-10-12T09:30:00')).toBe(true);
    expect(lacksOffset('2026-10-12T09:30:00+08:00')).toBe(false);
  });

  it.each(['2024-02-30', '2024-13-45', '2023-02-29', '2026-1-5', '20261012'])(
    'rejects the date %s',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );

  it('accepts leap days', () => {
    expect(parseDate('2024-02-29')?.toString()).toBe('2024-02-29');
  });

  it('knows which years have an ISO week 53', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(parseWeek('2026-W53')?.toString()).toBe('2026-12-28');
    expect(parseWeek('2027-W53')).toBeUndefined();
    expect(parseWeek('2026-W54')).toBeUndefined();
    expect(parseWeek('2026-W00')).toBeUndefined();
    // ISO week 1 of 2027 starts in 2027; week 1 of 2026 started on 29 December 2025.
    expect(parseWeek('2026-W01')?.toString()).toBe('2025-12-29');
  });

  it('gives the Beijing span of each period format', () => {
    const span = (f: Parameters<typeof periodSpan>[0], t: string) => {
      const s = periodSpan(f, t);
      return s && [formatDateTime(s.start.toInstant()), formatDateTime(s.end.toInstant())];
    };
    expect(span('date', '2026-10-12')).toEqual(['2026-10-12T00:00:00+08:00', '2026-10-13T00:00:00+08:00']);
    expect(span('week', '2026-W42')).toEqual(['2026-10-12T00:00:00+08:00', '2026-10-19T00:00:00+08:00']);
    expect(span('month', '2026-12')).toEqual(['2026-12-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00']);
    expect(span('quarter', '2026-Q4')).toEqual(['2026-10-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00']);
    expect(span('quarter', '2026-Q5')).toBeUndefined();
    expect(span('month', '2026-13')).toBeUndefined();
  });
});

describe('helpers for the rules engine', () => {
  it('names the ISO week of a day, in its ISO week-year', () => {
    const week = (d: string) => formatWeek(Temporal.PlainDate.from(d));
    expect(week('2026-10-12')).toBe('2026-W42');
    expect(week('2025-12-29')).toBe('2026-W01');
    expect(week('2027-01-01')).toBe('2026-W53');
    expect(week('2027-01-03')).toBe('2026-W53');
    expect(week('2027-01-04')).toBe('2027-W01');
    expect(week('2028-01-02')).toBe('2027-W52');
  });

  it('names the quarter of a month', () => {
    expect(
      ['2026-01', '2026-03', '2026-04', '2026-09', '2026-10', '2026-12'].map((m) =>
        formatQuarter(Temporal.PlainYearMonth.from(m)),
      ),
    ).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-Q4']);
  });

  it('adds and subtracts months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(addMonths('2026-13', 1)).toBeUndefined();
  });

  it('keeps a fraction of a second only when there is one', () => {
    expect(formatDateTimeExact(parseDateTime('2026-10-19T04:00:00Z')!)).toBe('2026-10-19T12:00:00+08:00');
    expect(formatDateTimeExact(parseDateTime('2026-10-19T12:00:00.5+08:00')!)).toBe(
      '2026-10-19T12:00:00.5+08:00',
    );
  });
});

describe('impossible clock times', () => {
  it.each(['2026-10-12T23:59:60+08:00', '2026-10-12T24:00:00+08:00', '2026-10-12T09:60:00+08:00'])(
    'rejects %s instead of rolling it over',
    (text) => {
      expect(parseDateTime(text)).toBeUndefined();
    },
  );
});
