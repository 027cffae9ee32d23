/** How times and periods read on the portal: always Beijing time, always in Chinese. */
import type { ReportKind } from '../model/options.ts';
import {
  formatChineseDate,
  formatChineseDateTime,
  formatChineseMonth,
  formatDateTime,
  inShanghai,
  instantOf,
  parseDate,
  parseQuarter,
  parseWeek,
  type PeriodFormat,
} from '../model/time.ts';
import { periodFormatOf } from '../rules/calendar.ts';

/** The time-zone note after a datetime; pages keep it on one line (DateTime.astro). */
export const ZONE_NOTE = '（北京时间）';

/**
 * `2026年10月12日 09:30（北京时间）`: what readers see for a datetime field. Lists may leave the zone off
 * (`zone: false`) where the page already says that all times are Beijing time.
 */
export function beijingDateTime(iso: string, { zone = true }: { zone?: boolean } = {}): string {
  const text = formatChineseDateTime(instantOf(iso));
  return zone ? `${text}${ZONE_NOTE}` : text;
}

/** `2026年10月12日`: the Beijing day of a datetime, for lists where the hour does not matter. */
export function beijingDate(iso: string): string {
  return formatChineseDate(inShanghai(instantOf(iso)).toPlainDate());
}

/** The same datetime as `<time datetime>` wants it, in its Beijing form: `2026-10-12T09:30:00+08:00`. */
export function datetimeAttribute(iso: string): string {
  return formatDateTime(instantOf(iso));
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** `2026年第四季度` for `2026-Q4`. */
export function quarterLabel(quarter: string): string {
  const q = parseQuarter(quarter);
  if (!q) throw new Error(`不是季度：${quarter}`);
  return `${q.year}年第${QUARTER_NAMES[(q.month - 1) / 3]}季度`;
}

/**
 * `2026年第42周（10月12日–18日）` for `2026-W42`. The span repeats only what changes: the month when the week
 * straddles two months, the year when it straddles two years or starts before its ISO week-year.
 */
export function weekLabel(week: string): string {
  const monday = parseWeek(week);
  if (!monday) throw new Error(`不是 ISO 周：${week}`);
  const [year, number] = week.split('-W').map(Number) as [number, number];
  const sunday = monday.add({ days: 6 });
  const start = monday.year === year ? `${monday.month}月${monday.day}日` : formatChineseDate(monday);
  const end =
    sunday.year !== monday.year
      ? formatChineseDate(sunday)
      : sunday.month !== monday.month
        ? `${sunday.month}月${sunday.day}日`
        : `${sunday.day}日`;
  return `${year}年第${number}周（${start}–${end}）`;
}

/** `2026年10月12日` for `2026-10-12`. */
export function dateLabel(date: string): string {
  const d = parseDate(date);
  if (!d) throw new Error(`不是日期：${date}`);
  return formatChineseDate(d);
}

/** A period of any format in Chinese. */
export function periodLabel(format: PeriodFormat, period: string): string {
  switch (format) {
    case 'date':
      return dateLabel(period);
    case 'week':
      return weekLabel(period);
    case 'month':
      return formatChineseMonth(period);
    case 'quarter':
      return quarterLabel(period);
  }
}

/** A report's period in Chinese, read according to its kind. */
export function reportPeriodLabel(kind: ReportKind, period: string): string {
  return periodLabel(periodFormatOf(kind), period);
}

const integers = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** `12,345.5`: figures and counts, grouped by thousands, at most two decimals. */
export function formatNumber(value: number): string {
  return integers.format(value);
}
