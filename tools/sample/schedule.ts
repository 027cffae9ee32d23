/**
 * Department meeting days (R8) and report due times (R2–R5): the monthly meeting is the last Friday of the
 * month at 13:30, the quarterly one the last Friday of the quarter's last month, unless org/calendar.yaml moves it.
 */
import type { Timeline } from './timeline.ts';
import type { Ctx, Override } from './types.ts';

/** One or two overrides inside the range, the first like the contract's example (a Thursday instead of Friday). */
export function buildOverrides(tl: Timeline): Override[] {
  const overrides: Override[] = [];
  const months = tl.months;
  const a = months[months.length - 3];
  if (a) overrides.push({ kind: 'monthly', period: a.key, start: tl.at(a.lastFriday - 1, 13, 30) });
  const b = months[months.length - 11];
  if (b && !b.quarterEnd)
    overrides.push({ kind: 'monthly', period: b.key, start: tl.at(b.lastFriday - 7, 14, 0) });
  return overrides;
}

function override(ctx: Ctx, kind: Override['kind'], period: string): number | undefined {
  return ctx.overrides.find((o) => o.kind === kind && o.period === period)?.start;
}

/** Start of the monthly meeting of `YYYY-MM`. */
export function monthlyMeeting(ctx: Ctx, year: number, month: number): number {
  const key = `${year}-${String(month).padStart(2, '0')}`;
  return override(ctx, 'monthly', key) ?? ctx.tl.at(ctx.tl.lastFriday(year, month), 13, 30);
}

/** Start of the quarterly meeting of `YYYY-Qn`. */
export function quarterlyMeeting(ctx: Ctx, year: number, quarter: number): number {
  return (
    override(ctx, 'quarterly', `${year}-Q${quarter}`) ??
    ctx.tl.at(ctx.tl.lastFriday(year, quarter * 3), 13, 30)
  );
}

/** Weekly report due: the Monday after the ISO week, 12:00. */
export function weeklyDue(ctx: Ctx, monday: number): number {
  return ctx.tl.at(monday + 7, 12, 0);
}

/** Monthly report due: 23:59:59 two days before the monthly meeting. */
export function monthlyDue(ctx: Ctx, year: number, month: number): number {
  return ctx.tl.at(ctx.tl.dayOf(monthlyMeeting(ctx, year, month)) - 2, 23, 59, 59);
}

/** Quarterly report and achievement table due: 23:59:59 three days before the quarterly meeting. */
export function quarterlyDue(ctx: Ctx, year: number, quarter: number): number {
  return ctx.tl.at(ctx.tl.dayOf(quarterlyMeeting(ctx, year, quarter)) - 3, 23, 59, 59);
}
