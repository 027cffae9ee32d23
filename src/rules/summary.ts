/**
 * The rules of a policy in plain Chinese, for the staff's 部门规则说明 page (src/pages/guide/rules.mdx): the
 * page states the numbers the rules engine uses, so a change to the policy changes the text too.
 */
import {
  labelOf,
  MEASURES,
  MEETING_KINDS,
  REPORT_KINDS,
  ROLES,
  TEAMS,
  type Measure,
} from '../model/options.ts';
import { periodFormatOf } from './calendar.ts';
import type { MaterialKind, Quota } from './policy.ts';
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
    case 'day-of-month': {
      // `meeting` names the period's last month here: 当月 for a month, 季度最后一个月 for a quarter.
      const month = rule.months === 0 ? meeting : rule.months === -1 ? '上月' : `${-rule.months} 个月前`;
      return `${month} ${rule.day} 日 ${time(rule.time)} 前交`;
    }
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
  /** The 23rd/25th materials: what, when and who, one line each. */
  materials: string[];
  /** Work logs: who keeps one and when each week's rows are due. */
  worklogs: string;
  /** The activity quotas, one line per role or team that has any. */
  quotas: string[];
  /** When a work-log row counts as changed later (R16). */
  changedLater: string;
}

const roles = (list: readonly string[]) => list.map((r) => labelOf(ROLES, r)).join('、');

/** "有效拜访每个工作日 3 个、每周 15 个、每月 65 个". */
function quota(measure: Measure, q: Quota): string {
  const parts = [`每个工作日 ${q.day} 个`];
  if (q.week !== undefined) parts.push(`每周 ${q.week} 个`);
  if (q.month !== undefined) parts.push(`每月 ${q.month} 个`);
  return `${labelOf(MEASURES, measure)}${parts.join('、')}`;
}

function quotaLines(policy: Policy): string[] {
  const { measures, byRole, byTeam } = policy.quotas;
  const line = (who: string, list: readonly Measure[] | undefined) =>
    list && list.length > 0 ? [`${who}：${list.map((m) => quota(m, measures[m])).join('；')}`] : [];
  return [
    ...Object.entries(byRole).flatMap(([role, list]) =>
      line(`${labelOf(ROLES, role)}（未填工作方式的）`, list),
    ),
    ...Object.entries(byTeam).flatMap(([team, list]) => line(labelOf(TEAMS, team), list)),
  ];
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
    who: roles(policy.reports.roles),
    materials: (Object.entries(policy.materials) as [MaterialKind, Policy['materials'][MaterialKind]][]).map(
      ([kind, { roles: who, due: rule }]) =>
        `${labelOf(REPORT_KINDS, kind)}：${due(rule, periodFormatOf(kind) === 'quarter' ? '季度最后一个月' : '当月')}（${roles(who)}）`,
    ),
    worklogs: `${roles(policy.worklogs.roles)}每人每月一个《日工作计划与日志YYMM-姓名》，每周的日志在${WEEKDAYS[policy.worklogs.due.weekday]} ${time(policy.worklogs.due.time)} 前填齐`,
    quotas: quotaLines(policy),
    changedLater: `每天一行的日志在下一个工作日晨会（${policy.morningMeeting.time}${Object.entries(
      policy.morningMeeting.byWeekday,
    )
      .map(([d, t]) => `，${WEEKDAYS[Number(d) as Weekday]} ${t}`)
      .join('')}）之后再修改的，在管理区标为“事后修改”并写明时间`,
  };
}
