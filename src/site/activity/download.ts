/**
 * The activity downloads (/manage/activity/<month>.json|.csv): the activity part of the month's compliance
 * export, in the export's own formats, so that a spreadsheet built on `npm run compliance` reads them too.
 */
import type { Person, Region } from '../../model/index.ts';
import type { ComplianceExport } from '../../rules/compliance.ts';
import { formatCsv } from '../../rules/export.ts';

/** `{ month, asOf, activity }` of the export, its keys in the export's order, as formatJson prints it. */
export function activityJson(result: ComplianceExport): string {
  const { month, asOf, activity } = result;
  return `${JSON.stringify({ month, asOf, activity }, null, 2)}\n`;
}

/**
 * The export's CSV with only its activity rows: the same header, the same rows byte for byte, since the CSV
 * is written row by row from the export's lists and the others are left empty here.
 */
export function activityCsv(
  result: ComplianceExport,
  roster: { regions: readonly Region[]; people: readonly Person[] },
): string {
  return formatCsv({ ...result, regions: [], reports: [], materials: [] }, roster);
}
