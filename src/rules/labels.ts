/** Chinese names of what the compliance export contains: statuses and the rows of the CSV. */
import { MEASURES, REPORT_KINDS, labelOf, type Measure } from '../model/options.ts';
import type { ActivityStatus } from './activity.ts';
import type { MaterialCompliance, RegionStatus, ReportStatus } from './compliance.ts';
import type { MeetingShortfall } from './counting.ts';

export const REGION_STATUS_LABELS: Record<RegionStatus, string> = {
  met: '达标',
  pending: '进行中',
  missing: '未达标',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  on_time: '按时',
  late: '逾期',
  pending: '未到期',
  missing: '缺交',
};

/** What the two region counts are called (R6, R7). */
export const COUNT_LABELS = {
  articles: '内刊投稿',
  meetings: '销售沟通会',
} as const;

/** Why a 销售沟通会 does not qualify (R7). */
export const SHORTFALL_LABELS: Record<MeetingShortfall, string> = {
  'not-applied': '未会前申请',
  'applied-late': '申请晚于开会',
  'not-filed': '会后备忘未备案',
  'filed-early': '备案时间早于开会',
};

/** The status text of a CSV row that counted 时间存疑 entries: the status, then what was doubted. */
export const SUSPECT_NOTES = {
  articles: (n: number) => `其中 ${n} 篇时间存疑，按首次出现时间计`,
  meetings: (n: number) => `其中 ${n} 场申请时间存疑，按首次出现时间计`,
  report: (firstSeen: string) => `时间存疑：首次出现于 ${firstSeen}，按此时间计`,
} as const;

/** `达标（其中 1 篇时间存疑，按首次出现时间计）`; the label alone when there is no note. */
export function withNote(label: string, note: string | undefined): string {
  return note === undefined ? label : `${label}（${note}）`;
}

/** The CSV's 类别 of issue 12's rows: the contract's rows keep their codes, these name a group. */
export const CSV_GROUPS = { materials: '材料', activity: '工作量' } as const;

/** The work log as a weekly submission (kind `worklog` of the materials). */
export const WORKLOG_LABEL = '工作日志';

/** `下月资金使用计划`, `工作日志`: what a materials row is. */
export function materialLabel(kind: MaterialCompliance['kind']): string {
  return kind === 'worklog' ? WORKLOG_LABEL : labelOf(REPORT_KINDS, kind);
}

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  met: '达标',
  pending: '进行中',
  below: '未达标',
};

/** `有效拜访`, `电话量`: a measure of the work log. */
export function measureLabel(measure: Measure): string {
  return labelOf(MEASURES, measure);
}
