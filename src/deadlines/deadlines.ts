/**
 * Every deadline the rules engine knows, as dated items: the reports and materials each person owes (R2–R5 and
 * 第五篇 二 with the weekly work logs, the same rows as the compliance export), the regions' monthly minimums (R6, R7, due at the month's end) and the standing
 * meetings (R8, with calendar.yaml's overrides). Calendar feeds and reminders are both made from these.
 */
import { Temporal } from 'temporal-polyfill';
import { CALENDAR_MEETING_KINDS, labelOf, REPORT_KINDS, type ReportKind } from '../model/options.ts';
import { addMonths, formatChineseMonth, inShanghai, instantOf, periodSpan } from '../model/time.ts';
import { standingMeetingStart, type StandingMeeting } from '../rules/calendar.ts';
import { computeCompliance, type ComplianceContent, type CountingOptions } from '../rules/compliance.ts';
import { COUNT_LABELS, WORKLOG_LABEL } from '../rules/labels.ts';
import { DEFAULT_POLICY } from '../rules/policy.ts';

export type DeadlineStatus = 'pending' | 'missing' | 'done';

interface Base {
  /** Stable across builds and runs: the calendar event's UID and the reminders' record key. */
  key: string;
  /** When it is due (or, for a standing meeting, when it starts), in Beijing time. */
  at: Temporal.ZonedDateTime;
  /** What it is, in Chinese: `周报 2026-W48`, `华东区 11月内刊投稿`, `2026年11月月例会`. */
  title: string;
  /** The month whose compliance figures it belongs to, `2026-11`. */
  month: string;
}

export type Deadline =
  | (Base & {
      kind: 'report';
      person: string;
      /** A report kind, or `worklog`: a week of the person's work log (due with the host on Saturday). */
      report: ReportKind | 'worklog';
      period: string;
      status: DeadlineStatus;
    })
  | (Base & { kind: 'articles' | 'meetings'; region: string; status: DeadlineStatus })
  | (Base & { kind: 'standing'; meeting: StandingMeeting; period: string });

/** Months from `first` to `last`, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m: string | undefined = first; m && m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The deadlines falling due in the months `months`, with their status at `asOf`, in time order. */
export function deadlines(
  content: ComplianceContent,
  months: readonly string[],
  asOf: Temporal.Instant,
  options: CountingOptions = {},
): Deadline[] {
  const policy = options.policy ?? DEFAULT_POLICY;
  const regionName = (id: string) => content.regions.find((r) => r.id === id)?.name ?? id;
  const out: Deadline[] = [];
  for (const month of months) {
    const result = options.exportOf?.(month) ?? computeCompliance(content, { ...options, month, asOf });
    // The contract's reports and the materials of 第五篇 二 (with the weekly work logs) are owed alike.
    for (const row of [...result.reports, ...result.materials]) {
      out.push({
        kind: 'report',
        key: `report-${row.person}-${row.kind}-${row.period}`,
        at: inShanghai(instantOf(row.due)),
        title: `${row.kind === 'worklog' ? WORKLOG_LABEL : labelOf(REPORT_KINDS, row.kind)} ${row.period}`,
        month,
        person: row.person,
        report: row.kind,
        period: row.period,
        status: row.status === 'pending' || row.status === 'missing' ? row.status : 'done',
      });
    }
    // The monthly minimums are due by the month's last second.
    const end = periodSpan('month', month)!.end.subtract({ seconds: 1 });
    for (const region of result.regions)
      for (const kind of ['articles', 'meetings'] as const)
        out.push({
          kind,
          key: `${kind}-${region.id}-${month}`,
          at: end,
          title: `${regionName(region.id)} ${formatChineseMonth(month).replace(/^\d+年/, '')}${COUNT_LABELS[kind]}`,
          month,
          region: region.id,
          status: region[kind].status === 'met' ? 'done' : region[kind].status,
        });
    for (const [meeting, period] of standingPeriods(month)) {
      const start = standingMeetingStart(meeting, period, content.calendar.meetings, policy);
      if (start)
        out.push({
          kind: 'standing',
          key: `standing-${meeting}-${period}`,
          at: start,
          title: `${meeting === 'monthly' ? formatChineseMonth(period) : period.replace('-Q', '年第') + '季度'}${labelOf(CALENDAR_MEETING_KINDS, meeting)}`,
          month,
          meeting,
          period,
        });
    }
  }
  return out.sort((a, b) => Temporal.ZonedDateTime.compare(a.at, b.at) || a.key.localeCompare(b.key));
}

/** The standing meetings of a month's period: its monthly meeting, and in a quarter's last month the quarterly. */
function standingPeriods(month: string): [StandingMeeting, string][] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const periods: [StandingMeeting, string][] = [['monthly', month]];
  if (m % 3 === 0) periods.push(['quarterly', `${year}-Q${m / 3}`]);
  return periods;
}
