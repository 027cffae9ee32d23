/** Cross-file checks: every region, person and manager id must name a record of the roster. */
import type { Collection } from '../model/field.ts';
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

export function checkReferences(records: readonly RawRecord[]): Problem[] {
  const known = { regions: declaredIds(records, 'regions'), people: declaredIds(records, 'people') };
  const problems: Problem[] = [];
  for (const { collection, file, path, value, yaml } of records) {
    if (typeof value !== 'object' || value === null) continue;
    for (const field of collection.fields) {
      if (field.type !== 'ref') continue;
      const id = (value as Record<string, unknown>)[field.name];
      if (typeof id !== 'string' || id === '' || known[field.collection].has(id)) continue;
      const what = field.collection === 'regions' ? '区域' : '人员';
      const fieldPath = [...path, field.name];
      problems.push({
        file,
        key: fieldPath.join('.'),
        label: labelForPath(collection, fieldPath),
        line: yaml.lineOf(fieldPath),
        message: `${what} “${id}” 不存在：应为 ${SOURCE[field.collection]} 中的编号`,
      });
    }
  }
  return problems;
}
