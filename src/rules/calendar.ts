/**
 * The department's calendar (R8) and the report deadlines that hang on it (R2–R5), all in Beijing time.
 * Everything goes through Temporal in Asia/Shanghai, so the machine's own zone never shifts a day.
 */
import { Temporal } from 'temporal-polyfill';
import { reports } from '../model/collections/index.ts';
import type { CalendarOverride } from '../model/index.ts';
import type { ReportKind } from '../model/options.ts';
import {
  TIME_ZONE,
  formatQuarter,
  formatWeek,
  inShanghai,
  parseDateTime,
  parseMonth,
  parseQuarter,
  periodSpan,
  type PeriodFormat,
} from '../model/time.ts';
import type { DueRule, Policy, Weekday } from './policy.ts';

/** The two standing meetings whose dates calendar.yaml may move. */
export type StandingMeeting = 'monthly' | 'quarterly';

const periodField = reports.fields.find((f) => f.type === 'period')!;

/** The period format of a report kind, from the content model (`weekly` → ISO week). */
export function periodFormatOf(kind: ReportKind): PeriodFormat {
  return periodField.formats[kind];
}

/** `day` at the Beijing wall-clock `time` (`13:30`, `23:59:59`). */
function at(day: Temporal.PlainDate, time: string): Temporal.ZonedDateTime {
  return day.toZonedDateTime({ timeZone: TIME_ZONE, plainTime: Temporal.PlainTime.from(time) });
}

/** The last `weekday` (1 = Monday … 7 = Sunday) of a month. */
export function lastWeekdayOf(month: Temporal.PlainYearMonth, weekday: Weekday): Temporal.PlainDate {
  const last = month.toPlainDate({ day: month.daysInMonth });
  return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 });
}

/**
 * When the monthly meeting of `2026-10` or the quarterly meeting of `2026-Q4` starts: the override in
 * calendar.yaml when there is one, else the last Friday (by default) of the month or of the quarter's last
 * month. Undefined when the period is not one of that meeting's format.
 */
export function standingMeetingStart(
  kind: StandingMeeting,
  period: string,
  overrides: readonly CalendarOverride[],
  policy: Policy,
): Temporal.ZonedDateTime | undefined {
  // The loader has checked every override; the first one for a period wins should a file list two.
  const override = overrides.find((o) => o.kind === kind && o.period === period);
  const moved = override && parseDateTime(override.start);
  if (moved) return inShanghai(moved);
  const month = kind === 'monthly' ? parseMonth(period) : parseQuarter(period)?.add({ months: 2 });
  if (!month) return undefined;
  const rule = policy.calendar[kind];
  return at(lastWeekdayOf(month, rule.weekday), rule.time);
}

/** The due time a rule gives a report period, or undefined when the period is not valid for its kind. */
function applyRule(
  rule: DueRule,
  format: PeriodFormat,
  period: string,
  overrides: readonly CalendarOverride[],
  policy: Policy,
): Temporal.ZonedDateTime | undefined {
  const span = periodSpan(format, period);
  if (!span) return undefined;
  if (rule.kind === 'after-period') {
    // The period's end is exclusive: the Monday after ISO week 42 is the day its span ends on.
    const end = span.end.toPlainDate();
    return at(end.add({ days: (rule.weekday - end.dayOfWeek + 7) % 7 }), rule.time);
  }
  if (rule.kind === 'day-of-month') {
    const month = span.end
      .toPlainDate()
      .subtract({ days: 1 })
      .toPlainYearMonth()
      .add({ months: rule.months });
    return at(month.toPlainDate({ day: Math.min(rule.day, month.daysInMonth) }), rule.time);
  }
  const meeting = format === 'month' ? 'monthly' : format === 'quarter' ? 'quarterly' : undefined;
  if (!meeting) throw new Error(`规则配置错误：${format} 周期没有对应的例会，不能用 before-meeting`);
  const start = standingMeetingStart(meeting, period, overrides, policy);
  return start && at(start.toPlainDate().subtract({ days: rule.days }), rule.time);
}

/**
 * When the report of `kind` for `period` is due under the policy, or undefined when the policy does not
 * require that kind (daily reports by default) or the period does not fit the kind.
 */
export function dueTime(
  kind: ReportKind,
  period: string,
  overrides: readonly CalendarOverride[],
  policy: Policy,
): Temporal.ZonedDateTime | undefined {
  const rule = policy.reports.due[kind];
  return rule && applyRule(rule, periodFormatOf(kind), period, overrides, policy);
}

/** Every period of a format that starts on a day in [from, to), in order. */
export function periodsStartingIn(
  format: PeriodFormat,
  from: Temporal.PlainDate,
  to: Temporal.PlainDate,
): string[] {
  const periods: string[] = [];
  const before = (d: Temporal.PlainDate) => Temporal.PlainDate.compare(d, to) < 0;
  switch (format) {
    case 'date':
      for (let d = from; before(d); d = d.add({ days: 1 })) periods.push(d.toString());
      break;
    case 'week':
      for (let d = from.add({ days: (8 - from.dayOfWeek) % 7 }); before(d); d = d.add({ weeks: 1 }))
        periods.push(formatWeek(d));
      break;
    case 'month':
      for (let m = from.toPlainYearMonth(); before(m.toPlainDate({ day: 1 })); m = m.add({ months: 1 }))
        if (Temporal.PlainDate.compare(m.toPlainDate({ day: 1 }), from) >= 0) periods.push(m.toString());
      break;
    case 'quarter':
      for (let m = from.toPlainYearMonth(); before(m.toPlainDate({ day: 1 })); m = m.add({ months: 1 }))
        if (m.month % 3 === 1 && Temporal.PlainDate.compare(m.toPlainDate({ day: 1 }), from) >= 0)
          periods.push(formatQuarter(m));
      break;
  }
  return periods;
}

/** How far from a month a period may lie and still fall due in it: deadlines follow their period closely. */
const SEARCH_MONTHS = 12;

export interface DuePeriod {
  period: string;
  due: Temporal.ZonedDateTime;
}

/**
 * The periods of `kind` whose due time falls in the Beijing month `month` (from 00:00:00 on its first day up
 * to, not including, 00:00:00 on the next month's first day), in order. Empty when the kind is not required.
 */
export function periodsDueIn(
  kind: ReportKind,
  month: string,
  overrides: readonly CalendarOverride[],
  policy: Policy,
): DuePeriod[] {
  const span = periodSpan('month', month);
  if (!span || !policy.reports.due[kind]) return [];
  const first = span.start.toPlainDate();
  const candidates = periodsStartingIn(
    periodFormatOf(kind),
    first.subtract({ months: SEARCH_MONTHS }),
    first.add({ months: SEARCH_MONTHS + 1 }),
  );
  return candidates.flatMap((period) => {
    const due = dueTime(kind, period, overrides, policy);
    const inMonth =
      due !== undefined &&
      Temporal.ZonedDateTime.compare(due, span.start) >= 0 &&
      Temporal.ZonedDateTime.compare(due, span.end) < 0;
    return inMonth ? [{ period, due }] : [];
  });
}
