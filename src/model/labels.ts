/** Field labels for pages and tools: each field's Chinese label is declared once, in its collection. */
import { COLLECTIONS, type CollectionName } from './collections/index.ts';
import type { Field } from './field.ts';

type CollectionOf<C extends CollectionName> = Extract<(typeof COLLECTIONS)[number], { name: C }>;

/** The names of a collection's top-level fields. */
export type FieldName<C extends CollectionName> = CollectionOf<C>['fields'][number]['name'];

/** `fieldLabel('meetings', 'calls')` → `电话量`. */
export function fieldLabel<C extends CollectionName>(collection: C, name: FieldName<C>): string {
  const fields: readonly Field[] = COLLECTIONS.find((c) => c.name === collection)!.fields;
  return fields.find((f) => f.name === name)!.label;
}

/** `rowFieldLabel('meetings', 'records', 'plan')` → `当天计划`: a field of the rows of a list field. */
export function rowFieldLabel<C extends CollectionName>(
  collection: C,
  list: FieldName<C>,
  name: string,
): string {
  const fields: readonly Field[] = COLLECTIONS.find((c) => c.name === collection)!.fields;
  const field = fields.find((f) => f.name === list);
  if (field?.type !== 'objects') throw new Error(`${collection}.${String(list)} is not a list of records`);
  const inner = field.fields.find((f) => f.name === name);
  if (!inner) throw new Error(`${collection}.${String(list)} has no field ${name}`);
  return inner.label;
}
