/**
 * How a status reads on a page: a symbol and a word besides the colour, so that it is understood in
 * black-and-white print, by colour-blind readers and by screen readers alike.
 */
import type { RegionStatus, ReportStatus } from '../../rules/compliance.ts';
import { REGION_STATUS_LABELS, REPORT_STATUS_LABELS } from '../../rules/labels.ts';

/** The colour family a status is shown in (a class of the StatusMark component). */
export type Tone = 'good' | 'bad' | 'wait' | 'late';

export interface StatusView {
  /** A glyph every CJK font has. */
  symbol: string;
  label: string;
  tone: Tone;
}

const REGION: Record<RegionStatus, Omit<StatusView, 'label'>> = {
  met: { symbol: '✓', tone: 'good' },
  pending: { symbol: '○', tone: 'wait' },
  missing: { symbol: '✗', tone: 'bad' },
};

const REPORT: Record<ReportStatus, Omit<StatusView, 'label'>> = {
  on_time: { symbol: '✓', tone: 'good' },
  late: { symbol: '!', tone: 'late' },
  pending: { symbol: '○', tone: 'wait' },
  missing: { symbol: '✗', tone: 'bad' },
};

export function regionStatusView(status: RegionStatus): StatusView {
  return { ...REGION[status], label: REGION_STATUS_LABELS[status] };
}

export function reportStatusView(status: ReportStatus): StatusView {
  return { ...REPORT[status], label: REPORT_STATUS_LABELS[status] };
}

/** The legend shown above grids and tables, in the order a reader meets the statuses. */
export const REGION_LEGEND: StatusView[] = (['met', 'pending', 'missing'] as const).map(regionStatusView);
export const REPORT_LEGEND: StatusView[] = (['on_time', 'late', 'pending', 'missing'] as const).map(
  reportStatusView,
);
