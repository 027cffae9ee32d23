/** Report rows of the compliance export as the tables show them: names, Chinese periods, links, statuses. */
import {
  countingReport,
  type ComplianceContent,
  type CountingOptions,
  type ReportCompliance,
  type ReportStatus,
} from '../../rules/compliance.ts';
import { compareCodePoints } from '../../rules/counting.ts';
import type { Directory } from '../directory.ts';
import { reportPeriodLabel } from '../format.ts';
import { reportKindLabel } from '../reports.ts';
import { urls } from '../urls.ts';
import { reportStatusView, type StatusView } from './status.ts';

export interface ReportRowView {
  /** `zhangwei-weekly-2026-W42`: unique within a month, for anchors. */
  key: string;
  person: string;
  personName: string;
  /** `周报`. */
  kind: string;
  /** `2026年第42周（10月12日–18日）`. */
  period: string;
  due: string;
  submitted: string | null;
  /** The report that counted (the earliest), when there is one. */
  href?: string;
  status: ReportStatus;
  view: StatusView;
  /** When the counted report was first seen on main, if its submitted time is 时间存疑 (status follows this). */
  firstSeen?: string;
}

export function reportRowViews(
  rows: readonly ReportCompliance[],
  content: ComplianceContent,
  directory: Pick<Directory, 'personName'>,
  /** The sightings the rows were computed with: they decide which report counted. */
  counting: CountingOptions = {},
): ReportRowView[] {
  return rows.map((row) => {
    const report =
      row.submitted === null
        ? undefined
        : countingReport(content, row.person, row.kind, row.period, counting);
    return {
      key: `${row.person}-${row.kind}-${row.period}`,
      person: row.person,
      personName: directory.personName(row.person),
      kind: reportKindLabel(row.kind),
      period: reportPeriodLabel(row.kind, row.period),
      due: row.due,
      submitted: row.submitted,
      ...(report ? { href: urls.report(report.id) } : {}),
      status: row.status,
      view: reportStatusView(row.status),
      ...(row.firstSeen === undefined ? {} : { firstSeen: row.firstSeen }),
    };
  });
}

/** The rows a manager has to act on: missing first, then late, each by person as the export sorts them. */
export function needingAttention<T extends { status: ReportStatus }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => r.status === 'missing'), ...rows.filter((r) => r.status === 'late')];
}

/**
 * Latest due time first, then by person: a region's year of reports reads from now backwards. Due times are
 * all printed in Beijing time to the second, so their texts sort like the instants they name.
 */
export function newestDueFirst<T extends { due: string; person: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => compareCodePoints(b.due, a.due) || compareCodePoints(a.person, b.person));
}
