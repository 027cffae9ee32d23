/**
 * The rules of a policy in plain Chinese, for the staff's 部门规则说明 page (src/pages/guide/rules.mdx): the
 * page states the numbers the rules engine uses, so a change to the policy changes the text too.
 */
import { labelOf, MEETING_KINDS, REPORT_KINDS, ROLES } from '../model/options.ts';
import type { DueRule, MeetingRule, Policy, Weekday } from './policy.ts';

const WEEKDAYS: Record<Weekday, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

/** `23:59:59` reads as 24:00 (the end of that day); other times as written, without seconds. */
const time = (t: string) => (t.startsWith('23:59') ? '24:00' : t.replace(/^(\d\d:\d\d):00$/, '$1'));

function due(rule: DueRule | undefined, meeting: string): string {
  if (!rule) return '不统计';
  switch (rule.kind) {
    case 'after-period':
      return `周期结束后的${WEEKDAYS[rule.weekday]} ${time(rule.time)} 前交`;
    case 'before-meeting':
      return `${meeting}的前 ${rule.days} 天 ${time(rule.time)} 前交`;
    case 'day-of-month':
      return `${rule.months < 0 ? `前 ${-rule.months} 个月的` : '当月'} ${rule.day} 日 ${time(rule.time)} 前交`;
  }
}

const standing = (rule: MeetingRule) => `最后一个${WEEKDAYS[rule.weekday]} ${time(rule.time)}`;

export interface RuleSummary {
  articles: string;
  meetings: string;
  weekly: string;
  monthly: string;
  quarterly: string;
  meetingsCalendar: string;
  /** Who must file the required reports. */
  who: string;
}

/** The quarterly report's deadline, and the achievement table's when it differs. */
function quarterly(policy: Policy, achievement: string): string {
  const report = due(policy.reports.due.quarterly, '季度例会');
  const table = due(policy.reports.due.achievement, '季度例会');
  if (table !== report) return `${report}；${achievement}${table}`;
  return policy.reports.due.quarterly ? `${report}（${achievement}同）` : report;
}

export function ruleSummary(policy: Policy): RuleSummary {
  const kinds = policy.meetings.kinds.map((k) => labelOf(MEETING_KINDS, k)).join('或');
  const achievement = labelOf(REPORT_KINDS, 'achievement');
  return {
    articles: `每个区域每月至少 ${policy.articles.required} 篇，按投稿时间计入当月`,
    meetings: `每个区域每月至少 ${policy.meetings.required} 次合格的${kinds}：开会前已申请、开会后备忘已备案，按开会时间计入当月`,
    weekly: due(policy.reports.due.weekly, '周例会'),
    monthly: due(policy.reports.due.monthly, '月例会'),
    quarterly: quarterly(policy, achievement),
    meetingsCalendar: `月例会：每月${standing(policy.calendar.monthly)}；季度例会：季度最后一个月的${standing(policy.calendar.quarterly)}`,
    who: policy.reports.roles.map((r) => labelOf(ROLES, r)).join('、'),
  };
}
