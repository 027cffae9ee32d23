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
