/** Compliance over a run of months, for the charts and the region × month grid of the manager pages. */
import type { Temporal } from 'temporal-polyfill';
import { addMonths, monthOf, parseMonth } from '../model/time.ts';
import {
  computeCompliance,
  type ArticleCount,
  type ComplianceContent,
  type ComplianceExport,
  type CountingOptions,
  type MeetingCount,
  type ReportCompliance,
} from './compliance.ts';

/** The `count` months ending with `last`, oldest first: `lastMonths('2026-11', 12)` is 2025-12 … 2026-11. */
export function lastMonths(last: string, count = 12): string[] {
  if (!parseMonth(last)) throw new RangeError(`不是月份：${last}`);
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1)!);
}

/** One export per month of the twelve ending with the month of `asOf`, oldest first. */
export function complianceSeries(
  content: ComplianceContent,
  options: CountingOptions & { asOf: Temporal.Instant; months?: number },
): ComplianceExport[] {
  const { asOf, months = 12, ...counting } = options;
  return lastMonths(monthOf(asOf), months).map((month) =>
    computeCompliance(content, { month, asOf, ...counting }),
  );
}

/** One region's line through a series: its counts in each month. */
export interface RegionMonth {
  month: string;
  articles: ArticleCount;
  meetings: MeetingCount;
}

/** A region's counts month by month; a month the region is absent from (none, normally) is left out. */
export function regionSeries(series: readonly ComplianceExport[], region: string): RegionMonth[] {
  return series.flatMap((e) => {
    const r = e.regions.find((x) => x.id === region);
    return r ? [{ month: e.month, articles: r.articles, meetings: r.meetings }] : [];
  });
}

/** The report rows of a series that belong to the given people, month by month, with the month they fall due. */
export function reportsOf(
  series: readonly ComplianceExport[],
  people: ReadonlySet<string>,
): (ReportCompliance & { month: string })[] {
  return series.flatMap((e) =>
    e.reports.filter((r) => people.has(r.person)).map((r) => ({ ...r, month: e.month })),
  );
}
