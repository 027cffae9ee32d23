/**
 * Work reports for the manager pages: grouped by kind, then by the month (daily, weekly, monthly) or quarter
 * (quarterly, achievement) their period covers. Nothing outside /manage/ may use this module.
 */
import { Temporal } from 'temporal-polyfill';
import type { Report } from '../model/index.ts';
import { fieldLabel } from '../model/labels.ts';
import { REPORT_KINDS, labelOf, type ReportKind } from '../model/options.ts';
import { formatChineseMonth, instantOf, periodSpan } from '../model/time.ts';
import { periodFormatOf } from '../rules/calendar.ts';
import { compareCodePoints } from '../rules/counting.ts';
import { groupByKey } from './collate.ts';
import { quarterLabel, reportPeriodLabel } from './format.ts';

/** What the helpers need of a report entry; `CollectionEntry<'reports'>` is one. */
export interface ReportLike {
  id: string;
  data: Pick<Report, 'kind' | 'period' | 'region' | 'author' | 'submitted'>;
}

/** `周报` for `weekly`. */
export function reportKindLabel(kind: string): string {
  return labelOf(REPORT_KINDS, kind);
}

/** `张伟的周报：2026年第42周（10月12日–18日）`: reports have no title of their own. */
export function reportTitle(authorName: string, kind: ReportKind, period: string): string {
  return `${authorName}的${reportKindLabel(kind)}：${reportPeriodLabel(kind, period)}`;
}

/** The sub-group of a report: `2026-10` for a day, a week (by its Monday) or a month; `2026-Q4` for a quarter. */
export function periodGroupKey(kind: ReportKind, period: string): string {
  const format = periodFormatOf(kind);
  if (format === 'quarter') return period;
  const span = periodSpan(format, period);
  if (!span) throw new Error(`汇报周期不对：${kind} ${period}`);
  return span.start.toPlainDate().toPlainYearMonth().toString();
}

/** `2026年10月` or `2026年第四季度` for a sub-group key. */
export function periodGroupLabel(key: string): string {
  return key.includes('-Q') ? quarterLabel(key) : formatChineseMonth(key);
}

export interface ReportSubGroup<T> {
  key: string;
  label: string;
  items: T[];
}

export interface ReportKindGroup<T> {
  kind: ReportKind;
  label: string;
  /** Reports of this kind in all its groups. */
  count: number;
  groups: ReportSubGroup<T>[];
}

/** Newest period first; within a period by region and author (code-point order), then submitted time. */
function compareReports(a: ReportLike, b: ReportLike): number {
  return (
    compareCodePoints(b.data.period, a.data.period) ||
    compareCodePoints(a.data.region, b.data.region) ||
    compareCodePoints(a.data.author, b.data.author) ||
    // Times may carry different offsets, so they are compared as instants, never as text.
    Temporal.Instant.compare(instantOf(a.data.submitted), instantOf(b.data.submitted)) ||
    compareCodePoints(a.id, b.id)
  );
}

/** Reports by kind in the model's order, each kind by period group, newest first. Empty kinds are left out. */
export function groupReports<T extends ReportLike>(reports: readonly T[]): ReportKindGroup<T>[] {
  const kinds = REPORT_KINDS.map((k) => k.value);
  return groupByKey([...reports].sort(compareReports), (r) => r.data.kind, kinds).map((byKind) => {
    const kind = byKind.key as ReportKind;
    const groups = new Map<string, T[]>();
    for (const report of byKind.items) {
      const key = periodGroupKey(kind, report.data.period);
      groups.set(key, [...(groups.get(key) ?? []), report]);
    }
    return {
      kind,
      label: reportKindLabel(kind),
      count: byKind.items.length,
      groups: [...groups]
        .sort(([a], [b]) => compareCodePoints(b, a))
        .map(([key, items]) => ({ key, label: periodGroupLabel(key), items })),
    };
  });
}

/** One R9 section of a report, in the order the department asks for them. */
export interface ReportSection {
  title: string;
  /** A paragraph of text, or a list of points. */
  text?: string;
  points?: string[];
}

/** 完成情况, 亮点, 问题与改进, 需要的支持, 下期计划: the sections the report fills in. */
export function reportSections(
  report: Pick<Report, 'progress' | 'highlights' | 'problems' | 'support' | 'plan'>,
): ReportSection[] {
  const sections: ReportSection[] = [];
  const text = (name: 'progress' | 'support' | 'plan') => {
    const value = report[name];
    if (value !== undefined && value.trim() !== '')
      sections.push({ title: fieldLabel('reports', name), text: value.trim() });
  };
  const points = (name: 'highlights' | 'problems') => {
    const value = report[name];
    if (value !== undefined && value.length > 0)
      sections.push({ title: fieldLabel('reports', name), points: value });
  };
  text('progress');
  points('highlights');
  points('problems');
  text('support');
  text('plan');
  return sections;
}
