/**
 * The work log as a weekly submission (第五篇 一: the host collects the week's logs before Saturday's end of
 * work): one row per person and ISO week, due on the week's Saturday at 18:00 Beijing time, on time when every
 * working day of the week the person was active has a row filed by then.
 */
import { Temporal } from 'temporal-polyfill';
import type { Person } from '../model/index.ts';
import { TIME_ZONE, formatDateTimeExact, formatWeek, instantOf, parseMonth } from '../model/time.ts';
import { activeOn, loggedDays, type ActivityContent } from './activity.ts';
import type { Policy } from './policy.ts';
import { daysIn, workCalendar } from './workdays.ts';

export type WorklogStatus = 'on_time' | 'late' | 'pending' | 'missing';

/** Shaped like a report row of the compliance export, with kind `worklog` and an ISO week as its period. */
export interface WorklogWeek {
  person: string;
  kind: 'worklog';
  period: string;
  due: string;
  /** When the week's last required row was filed; null while some required row is not. */
  submitted: string | null;
  status: WorklogStatus;
}

/** The Monday of each ISO week whose due day (Saturday by default) falls in the month, in order. */
function weeksDueIn(month: string, policy: Policy): Temporal.PlainDate[] {
  const m = parseMonth(month);
  if (!m) throw new RangeError(`不是月份：${month}`);
  const first = m.toPlainDate({ day: 1 });
  const end = first.add({ months: 1 });
  const weekday = policy.worklogs.due.weekday;
  const mondays: Temporal.PlainDate[] = [];
  for (
    let due = first.add({ days: (weekday - first.dayOfWeek + 7) % 7 });
    Temporal.PlainDate.compare(due, end) < 0;
    due = due.add({ weeks: 1 })
  )
    mondays.push(due.subtract({ days: weekday - 1 }));
  return mondays;
}

/**
 * The work-log rows of the weeks due in a month, for the people of the policy's roles who were active on
 * some working day of the week (a week with nothing to file has no row). A day's row counts as filed at its
 * `filed` time; a row without one (never through the gate) is not counted as filed.
 */
export function worklogWeeks(
  content: ActivityContent,
  month: string,
  asOf: Temporal.Instant,
  policy: Policy,
): WorklogWeek[] {
  const calendar = workCalendar(content.calendar);
  const people = content.people.filter((p) => policy.worklogs.roles.includes(p.role));
  const rows: WorklogWeek[] = [];
  for (const monday of weeksDueIn(month, policy)) {
    const dueDay = monday.add({ days: policy.worklogs.due.weekday - 1 });
    const due = dueDay
      .toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(policy.worklogs.due.time) })
      .toInstant();
    const workingDays = daysIn(monday, monday.add({ weeks: 1 })).filter((d) => calendar.isWorkingDay(d));
    for (const person of people) {
      const owed = workingDays.filter((d) => activeOn(person, d));
      if (owed.length === 0) continue;
      rows.push(weekRow(person, owed, loggedDays(content, person.id), formatWeek(monday), due, asOf));
    }
  }
  return rows;
}

function weekRow(
  person: Person,
  owed: readonly Temporal.PlainDate[],
  logged: ReturnType<typeof loggedDays>,
  period: string,
  due: Temporal.Instant,
  asOf: Temporal.Instant,
): WorklogWeek {
  let last: Temporal.Instant | undefined;
  let complete = true;
  for (const day of owed) {
    const filed = logged?.get(day.toString())?.row.filed;
    if (filed === undefined) {
      complete = false;
      break;
    }
    const at = instantOf(filed);
    if (!last || Temporal.Instant.compare(at, last) > 0) last = at;
  }
  const submitted = complete ? last : undefined;
  const status: WorklogStatus = submitted
    ? Temporal.Instant.compare(submitted, due) <= 0
      ? 'on_time'
      : 'late'
    : Temporal.Instant.compare(due, asOf) > 0
      ? 'pending'
      : 'missing';
  return {
    person: person.id,
    kind: 'worklog',
    period,
    due: formatDateTimeExact(due),
    submitted: submitted ? formatDateTimeExact(submitted) : null,
    status,
  };
}
