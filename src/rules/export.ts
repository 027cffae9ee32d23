/**
 * The compliance export as text: the JSON of the content contract and a CSV for Excel. The CLI prints these
 * and the /manage/compliance/<month>.json|.csv downloads are these, byte for byte. Both are public formats
 * that other tools parse: change them only together with the README.
 */
import type { Person, Region } from '../model/index.ts';
import { REPORT_KINDS, labelOf } from '../model/options.ts';
import type { ActivityRow } from './activity.ts';
import type { ComplianceExport } from './compliance.ts';
import {
  ACTIVITY_STATUS_LABELS,
  COUNT_LABELS,
  CSV_GROUPS,
  REGION_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  SUSPECT_NOTES,
  materialLabel,
  measureLabel,
  withNote,
} from './labels.ts';

/** Pretty-printed (two spaces), keys in the contract's order, ending with a newline. */
export function formatJson(result: ComplianceExport): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** The CSV's columns, in order. The README documents each of them. */
export const CSV_COLUMNS = [
  '月份',
  '数据截至',
  '类别',
  '项目',
  '区域编号',
  '区域',
  '人员编号',
  '姓名',
  '周期',
  '数量',
  '合格数',
  '要求',
  '截止时间',
  '提交时间',
  '状态',
  '状态说明',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/**
 * One CSV field. Quoted when it holds a comma, quote or line break (RFC 4180); text that Excel would run as
 * a formula (a name starting with = + - @) gets a leading apostrophe, as Excel itself writes such text.
 */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The note on a region row that counted doubtful entries; none otherwise, so the row reads as before. */
function suspectNote(count: 'articles' | 'meetings', figures: { suspect?: number }): string | undefined {
  return figures.suspect === undefined ? undefined : SUSPECT_NOTES[count](figures.suspect);
}

/**
 * What an activity row's 状态说明 adds to its status: the days below the daily quota, the days not filed and
 * (month rows) the rows changed after the next morning meeting, each with its dates; nothing when all is well.
 */
function activityNote(row: ActivityRow): string | undefined {
  const parts: string[] = [];
  if (row.daysBelow.length > 0)
    parts.push(`低于日定额 ${row.daysBelow.length} 天：${row.daysBelow.join('、')}`);
  if (row.daysMissing.length > 0)
    parts.push(`未填 ${row.daysMissing.length} 天：${row.daysMissing.join('、')}`);
  const changed = row.changedLater ?? [];
  if (changed.length > 0)
    parts.push(
      `晨会后修改 ${changed.length} 行：${changed.map((c) => `${c.date} 于 ${c.updated}`).join('、')}`,
    );
  return parts.length > 0 ? parts.join('；') : undefined;
}

/**
 * The CSV: a UTF-8 byte-order mark (so Excel reads Chinese correctly), a header row, one row per region and
 * count (articles, then meetings, regions by id), then one row per report in the JSON's order, then the
 * materials (类别 材料) and the activity rows (类别 工作量), each in the JSON's order. Lines end with CRLF, the
 * last one too. Its columns never change: a row that counted 时间存疑 entries says so in its 状态说明 (with
 * the first sighting for a report), so every other row stays byte for byte as it was.
 */
export function formatCsv(
  result: ComplianceExport,
  roster: { regions: readonly Region[]; people: readonly Person[] },
): string {
  const regionName = (id: string | undefined) => roster.regions.find((r) => r.id === id)?.name;
  const person = (id: string) => roster.people.find((p) => p.id === id);
  const common = { 月份: result.month, 数据截至: result.asOf };
  const rows: Partial<Record<Column, string | number | null>>[] = [];
  for (const region of result.regions) {
    const where = { 区域编号: region.id, 区域: regionName(region.id) };
    rows.push({
      ...common,
      类别: 'articles',
      项目: COUNT_LABELS.articles,
      ...where,
      周期: result.month,
      数量: region.articles.count,
      要求: region.articles.required,
      状态: region.articles.status,
      状态说明: withNote(
        REGION_STATUS_LABELS[region.articles.status],
        suspectNote('articles', region.articles),
      ),
    });
    rows.push({
      ...common,
      类别: 'meetings',
      项目: COUNT_LABELS.meetings,
      ...where,
      周期: result.month,
      数量: region.meetings.count,
      合格数: region.meetings.qualifying,
      要求: region.meetings.required,
      状态: region.meetings.status,
      状态说明: withNote(
        REGION_STATUS_LABELS[region.meetings.status],
        suspectNote('meetings', region.meetings),
      ),
    });
  }
  // A material is judged like a report and reads like one; only its 类别 and 项目 differ.
  const submission = (row: ComplianceExport['reports' | 'materials'][number], 类别: string, 项目: string) => {
    const who = person(row.person);
    rows.push({
      ...common,
      类别,
      项目,
      区域编号: who?.region,
      区域: regionName(who?.region),
      人员编号: row.person,
      姓名: who?.name,
      周期: row.period,
      截止时间: row.due,
      提交时间: row.submitted,
      状态: row.status,
      状态说明: withNote(
        REPORT_STATUS_LABELS[row.status],
        row.firstSeen === undefined ? undefined : SUSPECT_NOTES.report(row.firstSeen),
      ),
    });
  };
  for (const report of result.reports) submission(report, report.kind, labelOf(REPORT_KINDS, report.kind));
  for (const material of result.materials)
    submission(material, CSV_GROUPS.materials, materialLabel(material.kind));
  for (const activity of result.activity) {
    rows.push({
      ...common,
      类别: CSV_GROUPS.activity,
      项目: measureLabel(activity.measure),
      区域编号: activity.region,
      区域: regionName(activity.region ?? undefined),
      人员编号: activity.person,
      姓名: person(activity.person)?.name,
      周期: activity.period,
      数量: activity.count,
      要求: activity.required,
      状态: activity.status,
      状态说明: withNote(ACTIVITY_STATUS_LABELS[activity.status], activityNote(activity)),
    });
  }
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => CSV_COLUMNS.map((c) => field(row[c])).join(',')),
  ];
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
