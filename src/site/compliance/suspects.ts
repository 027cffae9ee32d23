/** The month page's 时间存疑 section: each doubted entry with what it is, who, and both of its times. */
import { Temporal } from 'temporal-polyfill';
import type { ComplianceContent, SuspectEntry } from '../../rules/compliance.ts';
import { COUNT_LABELS } from '../../rules/labels.ts';
import type { Policy } from '../../rules/policy.ts';
import type { Directory } from '../directory.ts';
import { reportTitle } from '../reports.ts';
import { urls } from '../urls.ts';

export interface SuspectRowView {
  /** `reports-weekly-2026-w46-zhangwei`: unique within a month, for anchors. */
  key: string;
  /** `内刊投稿`, `销售沟通会`, `工作汇报`. */
  kind: string;
  title: string;
  href: string;
  personName: string;
  regionName: string;
  /** What the claimed time is: `投稿时间`, `申请时间`, `提交时间`. */
  field: string;
  claimed: string;
  firstSeen: string;
}

const KINDS = { ...COUNT_LABELS, reports: '工作汇报' } as const;
const FIELDS = { articles: '投稿时间', meetings: '申请时间', reports: '提交时间' } as const;

export function suspectRowViews(
  entries: readonly SuspectEntry[],
  content: ComplianceContent,
  directory: Pick<Directory, 'personName' | 'regionName'>,
): SuspectRowView[] {
  return entries.map((entry) => {
    const common = {
      key: `${entry.collection}-${entry.id}`,
      kind: KINDS[entry.collection],
      field: FIELDS[entry.collection],
      claimed: entry.claimed,
      firstSeen: entry.firstSeen,
    };
    if (entry.collection === 'reports') {
      const { data } = content.reports.find((r) => r.id === entry.id)!;
      return {
        ...common,
        title: reportTitle(directory.personName(data.author), data.kind, data.period),
        href: urls.report(entry.id),
        personName: directory.personName(data.author),
        regionName: directory.regionName(data.region),
      };
    }
    if (entry.collection === 'meetings') {
      const { data } = content.meetings.find((m) => m.id === entry.id)!;
      return {
        ...common,
        title: data.title,
        href: urls.meeting(entry.id),
        personName: directory.personName(data.organizer),
        regionName: directory.regionName(data.region),
      };
    }
    const { data } = content.articles.find((a) => a.id === entry.id)!;
    return {
      ...common,
      title: data.title,
      href: urls.article(entry.id),
      personName: directory.personName(data.author),
      regionName: directory.regionName(data.region),
    };
  });
}

/** `15 分钟`, `1 小时 30 分钟`: the policy's tolerance as the page states it. */
export function toleranceLabel(policy: Pick<Policy, 'firstSeenTolerance'>): string {
  const minutes = Temporal.Duration.from(policy.firstSeenTolerance).total({ unit: 'minutes' });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? `${hours} 小时` : '', rest > 0 || hours === 0 ? `${rest} 分钟` : '']
    .filter(Boolean)
    .join(' ');
}
