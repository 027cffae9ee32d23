/** Which months get a compliance page, and how a month is named where space is short. */
import type { Temporal } from 'temporal-polyfill';
import { addMonths, beijingMonth, formatChineseMonth, monthOf, parseMonth } from '../../model/time.ts';
import type { ComplianceContent } from '../../rules/compliance.ts';
import { articleMonth, meetingMonth } from '../../rules/counting.ts';
import { lastMonths } from '../../rules/series.ts';

/**
 * Every month from the first one with a submission up to the month of `now`, and at least the last twelve
 * (the grid links to each of them), oldest first. Months after `now` have nothing to report yet.
 */
export function pageMonths(content: ComplianceContent, now: Temporal.Instant): string[] {
  const current = monthOf(now);
  // `YYYY-MM` texts sort like the months they name.
  let first = lastMonths(current)[0]!;
  const consider = (month: string) => {
    if (month < first) first = month;
  };
  for (const a of content.articles) consider(articleMonth(a.data));
  for (const m of content.meetings) consider(meetingMonth(m.data));
  for (const r of content.reports) consider(beijingMonth(r.data.submitted));
  const months: string[] = [];
  for (let m = first; m <= current; m = addMonths(m, 1)!) months.push(m);
  return months;
}

/**
 * `2026年1月` for the first month shown and for every January, `2月` for the others: a row of twelve months
 * stays narrow and still says which year each belongs to.
 */
export function shortMonthLabels(months: readonly string[]): string[] {
  return months.map((month, i) => {
    const m = parseMonth(month);
    if (!m) throw new Error(`不是月份：${month}`);
    return i === 0 || m.month === 1 ? formatChineseMonth(month) : `${m.month}月`;
  });
}
