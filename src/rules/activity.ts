/**
 * Work-log figures against the activity quotas (R14–R16): per person and day, per ISO week (which may span two
 * months and so two log files) and per month, in Beijing days, with working days from calendar.yaml.
 *
 * Like the compliance export, everything in the content counts whatever its times; `asOf` only tells a period
 * still running (`pending`) from one that is over (`below`), and which days are over and so judged.
 */
import { Temporal } from 'temporal-polyfill';
import type { Person, Worklog } from '../model/index.ts';
import type { Measure } from '../model/options.ts';
import {
  TIME_ZONE,
  formatDateTimeExact,
  formatWeek,
  instantOf,
  parseMonth,
  parseWeek,
} from '../model/time.ts';
import { compareCodePoints } from './counting.ts';
import { DEFAULT_POLICY, type Policy, type Quota, type Weekday } from './policy.ts';
import { daysIn, nextWorkingDay, workCalendar, type WorkCalendar, type WorkdaySource } from './workdays.ts';

export type ActivityScope = 'month' | 'week';
/** `met`: count ≥ required · `pending`: below, the period not over at asOf · `below`: below, the period over. */
export type ActivityStatus = 'met' | 'pending' | 'below';

/** A work-log row edited after the next working day's morning meeting (R16). */
export interface ChangedLater {
  /** The row's day, `2026-11-12`. */
  date: string;
  /** Its last change, Beijing time with offset. */
  updated: string;
}

/** One person's count of one measure over one ISO week or month, against what they owe. */
export interface ActivityRow {
  person: string;
  /** The person's region on the roster; null for someone without one. */
  region: string | null;
  measure: Measure;
  scope: ActivityScope;
  /** `2026-11` for a month, `2026-W47` for a week. */
  period: string;
  count: number;
  required: number;
  status: ActivityStatus;
  /** Working days of the period, over at asOf, with a row whose count is below the day's quota. */
  daysBelow: string[];
  /** Working days of the period, over at asOf, on which the person was active and filed no row (未填). */
  daysMissing: string[];
  /** Month rows only: the month's rows changed after the next working day's morning meeting. */
  changedLater?: ChangedLater[];
}

/** What the activity rules read. */
export interface ActivityContent {
  people: readonly Person[];
  calendar: WorkdaySource;
  /** None given reads as no logs at all. */
  worklogs?: readonly { id: string; data: Worklog }[];
}

export interface ActivityOptions {
  /** `2026-11`. */
  month: string;
  asOf: Temporal.Instant;
  policy?: Policy;
}

type Row = NonNullable<Worklog['days']>[number];

/** A day's row as counted, with where it came from. */
export interface LoggedDay {
  row: Row;
  /** The work log's id. */
  log: string;
}

/** person → day (`2026-11-12`) → the row counted for it. */
type DayIndex = Map<string, Map<string, LoggedDay>>;

const dayIndexes = new WeakMap<readonly unknown[], DayIndex>();
const NO_LOGS: NonNullable<ActivityContent['worklogs']> = [];

/**
 * Every log row by person and day. Should two files give the same person's day (the loader refuses two rows
 * for one day in one file, not across files), the row of the smaller log id counts, whatever the read order.
 */
function dayIndex(content: ActivityContent): DayIndex {
  const logs = content.worklogs ?? NO_LOGS;
  const known = dayIndexes.get(logs);
  if (known) return known;
  const index: DayIndex = new Map();
  for (const { id, data } of logs) {
    let days = index.get(data.person);
    if (!days) index.set(data.person, (days = new Map()));
    for (const row of data.days ?? []) {
      const held = days.get(row.date);
      if (!held || compareCodePoints(id, held.log) < 0) days.set(row.date, { row, log: id });
    }
  }
  dayIndexes.set(logs, index);
  return index;
}

/** A person's logged days by day (`2026-11-12`); undefined when they have no log. */
export function loggedDays(
  content: ActivityContent,
  person: string,
): ReadonlyMap<string, LoggedDay> | undefined {
  return dayIndex(content).get(person);
}

/** The measures a person owes: their team's when the policy lists the team, else their role's. */
export function measuresOf(
  person: Pick<Person, 'role' | 'team'>,
  policy: Policy = DEFAULT_POLICY,
): Measure[] {
  const byTeam = person.team === undefined ? undefined : policy.quotas.byTeam[person.team];
  return [...(byTeam ?? policy.quotas.byRole[person.role] ?? [])];
}

/** Whether a person is on the roster on a Beijing day (joined and left both inclusive). */
export function activeOn(person: Pick<Person, 'joined' | 'left'>, day: Temporal.PlainDate): boolean {
  return onRoster(person, day.toString());
}

/** On the roster on a day: the loader has checked both dates, and ISO dates compare as text. */
const onRoster = (person: Pick<Person, 'joined' | 'left'>, key: string) =>
  person.joined <= key && (person.left === undefined || key <= person.left);

/** A period's days [first, end) and the quota figure that applies to it. */
interface Period {
  scope: ActivityScope;
  name: string;
  first: Temporal.PlainDate;
  end: Temporal.PlainDate;
}

function monthPeriod(month: string): Period {
  const m = parseMonth(month);
  if (!m) throw new RangeError(`不是月份：${month}`);
  const first = m.toPlainDate({ day: 1 });
  return { scope: 'month', name: month, first, end: first.add({ months: 1 }) };
}

function weekPeriod(week: string): Period {
  const first = parseWeek(week);
  if (!first) throw new RangeError(`不是 ISO 周：${week}`);
  return { scope: 'week', name: week, first, end: first.add({ weeks: 1 }) };
}

/** The ISO weeks whose Thursday falls in a month: the weeks a month's report lists (2026-W53 is December's). */
export function weeksOfMonth(month: string): string[] {
  const { first, end } = monthPeriod(month);
  const weeks: string[] = [];
  // The first Thursday of the month, then every seventh day.
  for (
    let d = first.add({ days: (4 - first.dayOfWeek + 7) % 7 });
    Temporal.PlainDate.compare(d, end) < 0;
    d = d.add({ weeks: 1 })
  )
    weeks.push(formatWeek(d));
  return weeks;
}

/**
 * What a person owes over a period, from the days they were active on its working days.
 *
 * A week's or month's figure is for a whole period of normal working days (Monday to Friday). It shrinks in
 * proportion when the person is active on fewer working days (joined or left within it, or holidays took
 * some), rounded up, and never grows above the figure (a 调休 Saturday adds a day on which the daily quota
 * applies, not more to the week). Without a figure for the scope, it is the daily quota on each such day.
 */
export function requiredFor(
  quota: Quota,
  scope: ActivityScope,
  activeWorkingDays: number,
  weekdays: number,
): number {
  const figure = scope === 'week' ? quota.week : quota.month;
  if (figure === undefined) return quota.day * activeWorkingDays;
  if (weekdays === 0) return 0;
  return Math.min(figure, Math.ceil((figure * activeWorkingDays) / weekdays));
}

/** When the morning meeting of a day starts (08:40, Monday 10:00 by default), Beijing time. */
export function morningMeeting(day: Temporal.PlainDate, policy: Policy = DEFAULT_POLICY): Temporal.Instant {
  const time = policy.morningMeeting.byWeekday[day.dayOfWeek as Weekday] ?? policy.morningMeeting.time;
  return day.toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(time) }).toInstant();
}

/** calendar → policy → day → threshold: the same few hundred days are asked for by every person's rows. */
const thresholds = new WeakMap<WorkCalendar, WeakMap<Policy, Map<string, Temporal.Instant>>>();

/**
 * When a day's row is marked changed later (R16): once edited after the morning meeting of the next working
 * day, where the day's completion is reported.
 */
export function changedLaterAfter(
  calendar: WorkCalendar,
  day: Temporal.PlainDate,
  policy: Policy = DEFAULT_POLICY,
): Temporal.Instant {
  const byPolicy = thresholds.get(calendar) ?? new WeakMap<Policy, Map<string, Temporal.Instant>>();
  thresholds.set(calendar, byPolicy);
  const byDay = byPolicy.get(policy) ?? new Map<string, Temporal.Instant>();
  byPolicy.set(policy, byDay);
  const key = day.toString();
  let threshold = byDay.get(key);
  if (!threshold) byDay.set(key, (threshold = morningMeeting(nextWorkingDay(calendar, day), policy)));
  return threshold;
}

/** One day of a period as every person's row reads it: worked out once per period, not once per person. */
interface PeriodDay {
  day: Temporal.PlainDate;
  key: string;
  working: boolean;
  weekday: boolean;
  /** Over at asOf: only then is it 未填 or below its quota. */
  over: boolean;
}

function periodDays(period: Period, calendar: WorkCalendar, asOf: Temporal.Instant): PeriodDay[] {
  return daysIn(period.first, period.end).map((day) => {
    const end = day.add({ days: 1 }).toZonedDateTime({ timeZone: TIME_ZONE }).toInstant();
    return {
      day,
      key: day.toString(),
      working: calendar.isWorkingDay(day),
      weekday: day.dayOfWeek <= 5,
      over: Temporal.Instant.compare(asOf, end) >= 0,
    };
  });
}

const countOf = (row: Row | undefined, measure: Measure) => row?.[measure] ?? 0;

/** One measure's row for one person over one period. */
function periodRow(
  person: Person,
  measure: Measure,
  period: Period & { days: readonly PeriodDay[] },
  context: { logged: ReadonlyMap<string, LoggedDay> | undefined; asOf: Temporal.Instant; policy: Policy },
): ActivityRow {
  const { logged, asOf, policy } = context;
  const quota = policy.quotas.measures[measure];
  let count = 0;
  let activeWorking = 0;
  let weekdays = 0;
  const daysBelow: string[] = [];
  const daysMissing: string[] = [];
  for (const { key, working, weekday, over } of period.days) {
    const row = logged?.get(key)?.row;
    // Rows on weekends and holidays count too: work done is work done.
    count += countOf(row, measure);
    if (weekday) weekdays++;
    if (!working || !onRoster(person, key)) continue;
    activeWorking++;
    if (!over) continue;
    if (!row) daysMissing.push(key);
    else if (countOf(row, measure) < quota.day) daysBelow.push(key);
  }
  const required = requiredFor(quota, period.scope, activeWorking, weekdays);
  const end = period.end.toZonedDateTime({ timeZone: TIME_ZONE }).toInstant();
  const status: ActivityStatus =
    count >= required ? 'met' : Temporal.Instant.compare(asOf, end) < 0 ? 'pending' : 'below';
  return {
    person: person.id,
    region: person.region ?? null,
    measure,
    scope: period.scope,
    period: period.name,
    count,
    required,
    status,
    daysBelow,
    daysMissing,
  };
}

/** A month's rows changed after the next working day's morning meeting, by day. */
function changedLaterIn(
  days: ReadonlyMap<string, LoggedDay> | undefined,
  period: Period & { days: readonly PeriodDay[] },
  calendar: WorkCalendar,
  policy: Policy,
): ChangedLater[] {
  const changed: ChangedLater[] = [];
  for (const { day, key } of period.days) {
    const updated = days?.get(key)?.row.updated;
    if (updated === undefined) continue;
    const at = instantOf(updated);
    if (Temporal.Instant.compare(at, changedLaterAfter(calendar, day, policy)) > 0)
      changed.push({ date: key, updated: formatDateTimeExact(at) });
  }
  return changed;
}

/** Whether a person is on the roster on some day of a period. */
function activeIn(person: Person, period: Period): boolean {
  const last = period.end.subtract({ days: 1 }).toString();
  return person.joined <= last && (person.left === undefined || person.left >= period.first.toString());
}

/**
 * The activity rows of a month: for each person who owes some measure and is active in the month, per
 * measure, one `month` row and one `week` row for each ISO week whose Thursday is in the month. Sorted by
 * person, measure, scope (month first) and period.
 */
export function activityRows(
  content: ActivityContent,
  options: ActivityOptions & { weeks?: boolean },
): ActivityRow[] {
  const { month, asOf, policy = DEFAULT_POLICY, weeks = true } = options;
  const calendar = workCalendar(content.calendar);
  const index = dayIndex(content);
  const withDays = (period: Period) => ({ ...period, days: periodDays(period, calendar, asOf) });
  const monthly = withDays(monthPeriod(month));
  const weekly = weeks ? weeksOfMonth(month).map((w) => withDays(weekPeriod(w))) : [];
  const rows: ActivityRow[] = [];
  for (const person of content.people) {
    const measures = measuresOf(person, policy);
    if (measures.length === 0 || !activeIn(person, monthly)) continue;
    const logged = index.get(person.id);
    const context = { logged, asOf, policy };
    const changedLater = changedLaterIn(logged, monthly, calendar, policy);
    for (const measure of measures) {
      rows.push({ ...periodRow(person, measure, monthly, context), changedLater });
      for (const week of weekly)
        if (activeIn(person, week)) rows.push(periodRow(person, measure, week, context));
    }
  }
  const scopeOrder = (s: ActivityScope) => (s === 'month' ? 0 : 1);
  return rows.sort(
    (a, b) =>
      compareCodePoints(a.person, b.person) ||
      compareCodePoints(a.measure, b.measure) ||
      scopeOrder(a.scope) - scopeOrder(b.scope) ||
      compareCodePoints(a.period, b.period),
  );
}
