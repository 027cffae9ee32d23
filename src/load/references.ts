/** Cross-file checks: every region, person and manager id must name a record of the roster. */
import type { Collection, Field, PeriodField } from '../model/field.ts';
import { parseDate, periodSpan } from '../model/time.ts';
import { activeDuring } from '../rules/counting.ts';
import { labelForPath, type Problem } from './problems.ts';
import type { ParsedYaml } from './yaml.ts';

const SOURCE = { regions: 'content/org/regions.yaml', people: 'content/org/people.yaml' } as const;

/** A record as written, valid or not, so that its references are checked whatever else is wrong with it. */
export interface RawRecord {
  collection: Collection;
  file: string;
  /** Key path of the record inside its file: `[3]` for the fourth roster entry, `[]` for front matter. */
  path: (string | number)[];
  value: unknown;
  yaml: ParsedYaml;
}

/** Ids declared in the roster files, including those of records that failed validation. */
export function declaredIds(records: readonly RawRecord[], collection: 'regions' | 'people'): Set<string> {
  const ids = records
    .filter((r) => r.collection.name === collection)
    .map((r) => (r.value as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string');
  return new Set(ids);
}

/** Each person's dates on the roster as written, for records that name a person for a period. */
function rosterDates(records: readonly RawRecord[]): Map<string, { joined?: unknown; left?: unknown }> {
  const dates = new Map<string, { joined?: unknown; left?: unknown }>();
  for (const r of records) {
    if (r.collection.name !== 'people' || typeof r.value !== 'object' || r.value === null) continue;
    const { id, joined, left } = r.value as Record<string, unknown>;
    if (typeof id === 'string') dates.set(id, { joined, left });
  }
  return dates;
}

/** Whether someone with these roster dates is active on some day of the period (unknown dates: no complaint). */
function activeIn(dates: { joined?: unknown; left?: unknown }, field: PeriodField, text: unknown): boolean {
  const span = typeof text === 'string' && 'format' in field ? periodSpan(field.format, text) : undefined;
  if (!span || typeof dates.joined !== 'string') return true;
  const person = { joined: dates.joined, ...(typeof dates.left === 'string' ? { left: dates.left } : {}) };
  if (!parseDate(person.joined) || (person.left !== undefined && !parseDate(person.left))) return true;
  return activeDuring(person, span);
}

export function checkReferences(records: readonly RawRecord[]): Problem[] {
  const known = { regions: declaredIds(records, 'regions'), people: declaredIds(records, 'people') };
  const roster = rosterDates(records);
  const problems: Problem[] = [];
  /** The ref fields of one record, and those of its nested lists (a meeting's 晨会记录). */
  const visit = (record: RawRecord, fields: readonly Field[], at: (string | number)[], value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const data = value as Record<string, unknown>;
    for (const field of fields) {
      const fieldPath = [...at, field.name];
      if (field.type === 'objects' && Array.isArray(data[field.name]))
        (data[field.name] as unknown[]).forEach((row, i) =>
          visit(record, field.fields, [...fieldPath, i], row),
        );
      if (field.type !== 'ref') continue;
      const id = data[field.name];
      if (typeof id !== 'string' || id === '') continue;
      const problem = (message: string) =>
        problems.push({
          file: record.file,
          key: fieldPath.join('.'),
          label: labelForPath(record.collection, fieldPath),
          line: record.yaml.lineOf(fieldPath),
          message,
        });
      if (!known[field.collection].has(id)) {
        const what = field.collection === 'regions' ? '区域' : '人员';
        problem(`${what} “${id}” 不存在：应为 ${SOURCE[field.collection]} 中的编号`);
        continue;
      }
      const period = field.activeDuring && fields.find((f) => f.name === field.activeDuring);
      const dates = roster.get(id);
      if (period && period.type === 'period' && dates && !activeIn(dates, period, data[period.name]))
        problem(`“${id}” 在 ${String(data[period.name])} 不在花名册上（入职、离职日期之外）`);
    }
  };
  for (const record of records) visit(record, record.collection.fields, record.path, record.value);
  return problems;
}
