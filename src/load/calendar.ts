/**
 * Checks on meeting-date overrides that span records: one override per period, and a date near its period.
 * Without them a duplicate would silently lose to its twin and a mistyped year would move a deadline out of
 * every month, so that a report is never due anywhere.
 */
import type { CalendarOverride } from '../model/index.ts';
import { formatChineseDateTime, inShanghai, parseDateTime, periodSpan } from '../model/time.ts';

export interface CalendarProblem {
  index: number;
  key: 'period' | 'start';
  message: string;
}

/** How far before or after its period an override may move a meeting. */
const SLACK = { months: 1 };

export function calendarProblems(meetings: readonly CalendarOverride[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const first = new Map<string, number>();
  meetings.forEach((m, index) => {
    const key = `${m.kind}/${m.period}`;
    const earlier = first.get(key);
    if (earlier !== undefined) {
      problems.push({
        index,
        key: 'period',
        message: `${m.period} 的这类例会已在第 ${earlier + 1} 项改期，同一周期只能改期一次`,
      });
      return;
    }
    first.set(key, index);
    const span = periodSpan(m.kind === 'monthly' ? 'month' : 'quarter', m.period);
    const start = parseDateTime(m.start);
    if (!span || !start) return; // The record's own schema reports these.
    const at = inShanghai(start);
    const from = span.start.subtract(SLACK);
    const to = span.end.add(SLACK);
    if (at.epochNanoseconds < from.epochNanoseconds || at.epochNanoseconds >= to.epochNanoseconds) {
      problems.push({
        index,
        key: 'start',
        message: `改期后的时间 ${formatChineseDateTime(start)} 离 ${m.period} 太远，应在该周期及前后一个月内（年份是否写错了？）`,
      });
    }
  });
  return problems;
}
