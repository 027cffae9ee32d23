/** The fixed lists of the content contract, with their Chinese labels. */
import type { Option } from './field.ts';

/** Ids of regions and people (contract: ASCII slugs, pinyin is fine). */
export const ID_PATTERN = {
  regex: '^[a-z][a-z0-9-]*$',
  // Reads as a sentence after the field's label, in the build's report and in the CMS form alike.
  message: '应以小写英文字母开头，只含小写字母、数字和连字符（如 zhangwei）',
};

/** File names of submissions, which may start with their date. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const ROLES = [
  { value: 'head', label: '部长' },
  { value: 'manager', label: '销售经理' },
  { value: 'supervisor', label: '主管' },
  { value: 'rep', label: '临床推广代表/业务员' },
  { value: 'office', label: '办事处' },
] as const satisfies readonly Option[];

/** Role values in the order the model lists them: people are listed by role in this order. */
export const ROLE_ORDER: readonly string[] = ROLES.map((r) => r.value);

export const ARTICLE_CATEGORIES = [
  { value: 'clinical', label: '临床推广' },
  { value: 'management', label: '管理' },
  { value: 'experience', label: '销售心得' },
  { value: 'academic', label: '学术活动' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option[];

export const MEETING_KINDS = [
  { value: 'regional', label: '市场区域会议' },
  { value: 'office', label: '办事处会议' },
  { value: 'morning', label: '早会' },
  { value: 'evening', label: '夕会' },
  { value: 'weekly', label: '周会' },
  { value: 'monthly', label: '月例会' },
  { value: 'quarterly', label: '季度例会' },
  { value: 'training', label: '培训' },
] as const satisfies readonly Option[];

/** The kinds that are 销售沟通会 (R7): a region is required, they are applied for and counted per region. */
export const COMMUNICATION_MEETING_KINDS: readonly MeetingKind[] = ['regional', 'office'];

export const REPORT_KINDS = [
  { value: 'daily', label: '日报' },
  { value: 'weekly', label: '周报' },
  { value: 'monthly', label: '月报' },
  { value: 'quarterly', label: '季报' },
  { value: 'achievement', label: '季度销售达成表' },
  // 第五篇 二: the materials due on the 23rd and 25th of each month (and the quarter's last month).
  { value: 'funding', label: '下月资金使用计划' },
  { value: 'hr', label: '人事月报' },
  { value: 'training', label: '培训统计' },
  { value: 'summary', label: '个人月度总结与计划' },
  { value: 'kpi', label: 'KPI考核表' },
  { value: 'quarter-summary', label: '季度总结与计划（PPT）' },
] as const satisfies readonly Option[];

/** The report kinds the content contract names: only these make the export's `reports` rows. */
export const CONTRACT_REPORT_KINDS: readonly ReportKind[] = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'achievement',
];

/** How a person works (第三篇, 第四篇): it decides which activity quotas apply (src/rules/policy.ts). */
export const TEAMS = [
  { value: 'field', label: '外勤推广' },
  { value: 'telesales', label: '电话销售' },
] as const satisfies readonly Option[];

/** What a work-log row counts (R14, R15): each is a field of the row and may have a quota. */
export const MEASURES = [
  { value: 'visits', label: '有效拜访' },
  { value: 'calls', label: '电话量' },
  { value: 'intents', label: '意向客户' },
  { value: 'leads', label: '新客户线索' },
  { value: 'posts', label: '发帖' },
] as const satisfies readonly Option[];

export const FIGURE_KEYS = [
  { value: 'shipments', label: '发货' },
  { value: 'collections', label: '回款' },
  { value: 'coverage', label: '布点' },
  { value: 'development', label: '开发' },
  { value: 'sales', label: '纯销' },
] as const satisfies readonly Option[];

/** The two numbers of each figure of a report. */
export const FIGURE_PARTS = [
  { value: 'target', label: '目标' },
  { value: 'actual', label: '实际' },
] as const satisfies readonly Option[];

export const CALENDAR_MEETING_KINDS = [
  { value: 'monthly', label: '月例会' },
  { value: 'quarterly', label: '季度例会' },
] as const satisfies readonly Option[];

export type Role = (typeof ROLES)[number]['value'];
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number]['value'];
export type MeetingKind = (typeof MEETING_KINDS)[number]['value'];
export type ReportKind = (typeof REPORT_KINDS)[number]['value'];
export type FigureKey = (typeof FIGURE_KEYS)[number]['value'];
export type Team = (typeof TEAMS)[number]['value'];
export type Measure = (typeof MEASURES)[number]['value'];

/** Chinese label of a value in one of the lists above. */
export function labelOf(options: readonly Option[], value: string): string {
  return options.find((o) => o.value === value)?.label ?? value;
}
