/**
 * What a compliance chart shows, as plain data: the page renders it as an HTML table and hands the very same
 * object to the chart script (in a data-* attribute), so the chart and its table cannot disagree.
 */
import type { ComplianceExport } from '../../rules/compliance.ts';
import { COUNT_LABELS } from '../../rules/labels.ts';
import { regionSeries, type RegionMonth } from '../../rules/series.ts';
import { shortMonthLabels } from './months.ts';

export interface ChartSeries {
  label: string;
  /** CSS colour of the bars. */
  color: string;
  values: number[];
}

export interface ChartSpec {
  /** One per bar group on the x axis (months). */
  labels: string[];
  /** Title of the y axis, with its unit. */
  yTitle: string;
  bars: ChartSeries[];
  /**
   * The rule's minimum, drawn as a dashed line across the chart; `values`, when given, is the minimum at each
   * x label instead (a person who joined mid-month owes less than a colleague there the whole month), drawn
   * as a bar beside each group's counts.
   */
  required: { label: string; value: number; color: string; values?: number[] };
}

/**
 * Okabe–Ito colours (told apart with the common colour-vision deficiencies), without the yellow that
 * vanishes on white. More regions than colours reuse them: the table beside the chart names every bar.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#000000'] as const;

/** The colour of the rule's line. */
export const REQUIRED_COLOR = '#a1281f';

const colorAt = (i: number) => PALETTE[i % PALETTE.length]!;

/** The department's charts: one bar per region and month, for articles or for qualifying meetings. */
export function departmentChart(
  series: readonly ComplianceExport[],
  regions: readonly { id: string; name: string }[],
  what: 'articles' | 'meetings',
): ChartSpec {
  const first = series[0]?.regions[0];
  const required = first ? first[what].required : 0;
  return {
    labels: shortMonthLabels(series.map((e) => e.month)),
    yTitle: what === 'articles' ? '投稿（篇）' : '合格沟通会（场）',
    bars: regions.map((region, i) => ({
      label: region.name,
      color: colorAt(i),
      values: regionSeries(series, region.id).map((m) =>
        what === 'articles' ? m.articles.count : m.meetings.qualifying,
      ),
    })),
    required: { label: `每月要求（${required}）`, value: required, color: REQUIRED_COLOR },
  };
}

/** One region's chart: its articles, meetings and qualifying meetings month by month. */
export function regionChart(months: readonly RegionMonth[]): ChartSpec {
  const required = months[0]?.articles.required ?? 0;
  return {
    labels: shortMonthLabels(months.map((m) => m.month)),
    yTitle: '数量（篇/场）',
    bars: [
      {
        label: `${COUNT_LABELS.articles}（篇）`,
        color: PALETTE[0],
        values: months.map((m) => m.articles.count),
      },
      {
        label: `${COUNT_LABELS.meetings}（场）`,
        color: PALETTE[1],
        values: months.map((m) => m.meetings.count),
      },
      { label: '其中合格（场）', color: PALETTE[2], values: months.map((m) => m.meetings.qualifying) },
    ],
    required: { label: `每月要求（${required}）`, value: required, color: REQUIRED_COLOR },
  };
}

/** The requirement at the i-th x label. */
export function requiredAt(spec: ChartSpec, i: number): number {
  return spec.required.values?.[i] ?? spec.required.value;
}

/** The chart's numbers as table rows: one per x label, one cell per bar series, then the requirement. */
export function chartRows(spec: ChartSpec): { label: string; values: number[] }[] {
  return spec.labels.map((label, i) => ({
    label,
    values: [...spec.bars.map((b) => b.values[i] ?? 0), requiredAt(spec, i)],
  }));
}
