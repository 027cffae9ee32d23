/**
 * The department's working days: Monday to Friday, less the holidays of calendar.yaml, plus its 调休 days
 * (weekend days worked in exchange for a holiday). Days are Beijing calendar days; an instant is turned into
 * one through Asia/Shanghai, so the machine's zone never moves a log row to another day.
 */
import { Temporal } from 'temporal-polyfill';
import { parseDate } from '../model/time.ts';

/** What calendar.yaml says about days off and days worked; both lists may be absent. */
export interface WorkdaySource {
  readonly holidays?: readonly { readonly from: string; readonly to: string; readonly name?: string }[];
  readonly workdays?: readonly { readonly date: string; readonly name?: string }[];
}

/** The working-day calendar built from calendar.yaml. */
export interface WorkCalendar {
  /** Whether a Beijing day is a working day. */
  isWorkingDay(day: Temporal.PlainDate): boolean;
  /** The holiday's or 调休 day's name, when calendar.yaml names the day. */
  nameOf(day: Temporal.PlainDate): string | undefined;
}

/**
 * A holiday range longer than this is a typo (`2026-10-01` to `2027-10-07`): it is cut here rather than
 * expanded day by day. The loader reports such ranges; the rules only must not hang on them.
 */
const LONGEST_HOLIDAY_DAYS = 366;

const calendars = new WeakMap<WorkdaySource, WorkCalendar>();

/** The working-day calendar of calendar.yaml's `holidays` and `workdays`; built once per calendar object. */
export function workCalendar(source: WorkdaySource = {}): WorkCalendar {
  const known = calendars.get(source);
  if (known) return known;
  const off = new Map<string, string>();
  const worked = new Map<string, string>();
  for (const holiday of source.holidays ?? []) {
    const from = parseDate(holiday.from);
    const to = parseDate(holiday.to);
    if (!from || !to) continue;
    let day = from;
    for (let i = 0; i < LONGEST_HOLIDAY_DAYS && Temporal.PlainDate.compare(day, to) <= 0; i++) {
      off.set(day.toString(), holiday.name ?? '');
      day = day.add({ days: 1 });
    }
  }
  for (const workday of source.workdays ?? []) {
    if (parseDate(workday.date)) worked.set(workday.date, workday.name ?? '');
  }
  const calendar: WorkCalendar = {
    // A 调休 day listed as worked wins over a holiday range that happens to cover it.
    isWorkingDay: (day) => {
      const key = day.toString();
      if (worked.has(key)) return true;
      return day.dayOfWeek <= 5 && !off.has(key);
    },
    nameOf: (day) => {
      const key = day.toString();
      return worked.get(key) || off.get(key) || undefined;
    },
  };
  calendars.set(source, calendar);
  return calendar;
}

/** Every day in [from, to), in order. */
export function daysIn(from: Temporal.PlainDate, to: Temporal.PlainDate): Temporal.PlainDate[] {
  const days: Temporal.PlainDate[] = [];
  for (let d = from; Temporal.PlainDate.compare(d, to) < 0; d = d.add({ days: 1 })) days.push(d);
  return days;
}

/** The working days in [from, to), in order. */
export function workingDaysIn(
  calendar: WorkCalendar,
  from: Temporal.PlainDate,
  to: Temporal.PlainDate,
): Temporal.PlainDate[] {
  return daysIn(from, to).filter((d) => calendar.isWorkingDay(d));
}

/** The first working day after `day` (a long holiday is skipped). */
export function nextWorkingDay(calendar: WorkCalendar, day: Temporal.PlainDate): Temporal.PlainDate {
  let next = day.add({ days: 1 });
  // Bounded so that a calendar that lists a whole year off cannot loop forever.
  for (let i = 0; i < LONGEST_HOLIDAY_DAYS && !calendar.isWorkingDay(next); i++) next = next.add({ days: 1 });
  return next;
}
