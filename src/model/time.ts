/**
 * Strict parsing of the contract's time formats. Everything is Asia/Shanghai, whatever the machine's zone:
 * calendar arithmetic goes through Temporal, never through `new Date`, which rolls impossible dates over.
 */
import { Temporal } from 'temporal-polyfill';

export const TIME_ZONE = 'Asia/Shanghai';

/** Hours 00–23, minutes and seconds 00–59: Temporal would turn a leap second `:60` into `:59` rather than refuse it. */
const DATETIME =
  /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** The shape of a datetime, whatever its numbers: text of this shape that does not parse names an impossible time. */
export const DATETIME_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The kinds of period a report or calendar override can cover. */
export type PeriodFormat = 'date' | 'week' | 'month' | 'quarter';

/** Chinese name and example of each period format, for messages and docs. */
export const PERIOD_FORMATS: Record<PeriodFormat, { label: string; example: string }> = {
  date: { label: '日期', example: '2026-10-12' },
  week: { label: 'ISO 周', example: '2026-W42' },
  month: { label: '月份', example: '2026-10' },
  quarter: { label: '季度', example: '2026-Q4' },
};

/** A half-open span of time [start, end) in Beijing time. */
export interface Span {
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** A datetime with an explicit offset, or undefined when it has none or names an impossible time. */
export function parseDateTime(text: string): Temporal.Instant | undefined {
  if (!DATETIME.test(text)) return undefined;
  return attempt(() => Temporal.Instant.from(text));
}

/** True when the text looks like a datetime but carries no offset: the most common hand-edit mistake. */
export function lacksOffset(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text);
}

/** A calendar date, rejected (never rolled over) when impossible. */
export function parseDate(text: string): Temporal.PlainDate | undefined {
  if (!DATE.test(text)) return undefined;
  return attempt(() => Temporal.PlainDate.from(text, { overflow: 'reject' }));
}

export function parseMonth(text: string): Temporal.PlainYearMonth | undefined {
  if (!MONTH.test(text)) return undefined;
  return attempt(() => Temporal.PlainYearMonth.from(text, { overflow: 'reject' }));
}

/** Number of ISO weeks in an ISO week-year: 28 December always lies in the last week. */
export function isoWeeksInYear(year: number): number {
  return Temporal.PlainDate.from({ year, month: 12, day: 28 }).weekOfYear ?? 52;
}

/** The Monday that starts ISO week `2026-W42`. */
export function parseWeek(text: string): Temporal.PlainDate | undefined {
  const m = WEEK.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1 || week > isoWeeksInYear(year)) return undefined;
  // 4 January is always in week 1.
  const jan4 = Temporal.PlainDate.from({ year, month: 1, day: 4 });
  return jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: week - 1 });
}

/** The first month of quarter `2026-Q4`. */
export function parseQuarter(text: string): Temporal.PlainYearMonth | undefined {
  const m = QUARTER.exec(text);
  if (!m) return undefined;
  return Temporal.PlainYearMonth.from({
    year: Number(m[1]),
    month: (Number(m[2]) - 1) * 3 + 1,
  });
}

/** The Beijing-time span a period covers, or undefined when the text is not a valid period of that format. */
export function periodSpan(format: PeriodFormat, text: string): Span | undefined {
  const startOf = (d: Temporal.PlainDate) => d.toZonedDateTime({ timeZone: TIME_ZONE });
  switch (format) {
    case 'date': {
      const d = parseDate(text);
      return d && { start: startOf(d), end: startOf(d.add({ days: 1 })) };
    }
    case 'week': {
      const d = parseWeek(text);
      return d && { start: startOf(d), end: startOf(d.add({ weeks: 1 })) };
    }
    case 'month': {
      const m = parseMonth(text);
      const d = m?.toPlainDate({ day: 1 });
      return d && { start: startOf(d), end: startOf(d.add({ months: 1 })) };
    }
    case 'quarter': {
      const q = parseQuarter(text);
      const d = q?.toPlainDate({ day: 1 });
      return d && { start: startOf(d), end: startOf(d.add({ months: 3 })) };
    }
  }
}

/** Instants by their text: pages sort and group the same few thousand datetimes over and over. */
const instants = new Map<string, Temporal.Instant>();
/** Beyond this many, the memo starts afresh (a long dev session sees ever new texts). */
const MEMO_LIMIT = 200_000;

/** The instant of a datetime field. Content is validated by the loader, so a bad value here is a bug. */
export function instantOf(iso: string): Temporal.Instant {
  const known = instants.get(iso);
  if (known) return known;
  const instant = parseDateTime(iso);
  if (!instant) throw new Error(`不是带时区的时间：${iso}`);
  if (instants.size >= MEMO_LIMIT) instants.clear();
  // Temporal values are immutable, so one instance can serve every caller.
  instants.set(iso, instant);
  return instant;
}

/** Beijing wall-clock time of an instant. */
export function inShanghai(instant: Temporal.Instant): Temporal.ZonedDateTime {
  return instant.toZonedDateTimeISO(TIME_ZONE);
}

/** Canonical text of an instant: Beijing time with its +08:00 offset, to the second. */
export function formatDateTime(instant: Temporal.Instant): string {
  return inShanghai(instant).toString({
    timeZoneName: 'never',
    smallestUnit: 'second',
  });
}

/** `2026-10` for the Beijing month an instant falls in. */
export function monthOf(instant: Temporal.Instant): string {
  return inShanghai(instant).toPlainDate().toPlainYearMonth().toString();
}

const months = new Map<string, string>();

/** `2026-10`: the Beijing month a datetime falls in. */
export function beijingMonth(iso: string): string {
  let month = months.get(iso);
  if (month === undefined) {
    month = monthOf(instantOf(iso));
    if (months.size >= MEMO_LIMIT) months.clear();
    months.set(iso, month);
  }
  return month;
}

/** `2026年10月12日 09:30` for readers. */
export function formatChineseDateTime(instant: Temporal.Instant): string {
  const z = inShanghai(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${z.year}年${z.month}月${z.day}日 ${pad(z.hour)}:${pad(z.minute)}`;
}

/** `2026年10月` for a `2026-10` month. */
export function formatChineseMonth(month: string): string {
  const m = parseMonth(month);
  if (!m) throw new Error(`不是月份：${month}`);
  return `${m.year}年${m.month}月`;
}

/** `2026年10月12日` for a date. */
export function formatChineseDate(date: Temporal.PlainDate): string {
  return `${date.year}年${date.month}月${date.day}日`;
}

/**
 * Like `formatDateTime` but keeps a fraction of a second when there is one: a report filed at 12:00:00.5 is
 * late for a 12:00:00 deadline, and its printed time must not make it look on time.
 */
export function formatDateTimeExact(instant: Temporal.Instant): string {
  return inShanghai(instant).toString({ timeZoneName: 'never' });
}

/** `2026-W42`: the ISO week a day falls in, numbered within its ISO week-year (1 January 2027 is `2026-W53`). */
export function formatWeek(date: Temporal.PlainDate): string {
  return `${date.yearOfWeek}-W${String(date.weekOfYear).padStart(2, '0')}`;
}

/** `2026-Q4` for any month of that quarter. */
export function formatQuarter(month: Temporal.PlainYearMonth): string {
  return `${month.year}-Q${Math.ceil(month.month / 3)}`;
}

/** The month `n` months after `2026-10` (before it when `n` is negative), or undefined for a bad month. */
export function addMonths(month: string, n: number): string | undefined {
  return parseMonth(month)?.add({ months: n }).toString();
}
