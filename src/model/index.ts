/** The content model: the field tables, the record types inferred from them and the schemas derived. */
import type { articles, calendar, meetings, people, regions, reports } from './collections/index.ts';
import type { RecordOf } from './types.ts';

export * from './collections/index.ts';
export type { Collection, Field } from './field.ts';
export type { Figure } from './types.ts';
export { calendarOverrideSchema, collectionSchema } from './schema.ts';

export type Region = RecordOf<(typeof regions)['fields']>;
export type Person = RecordOf<(typeof people)['fields']>;
export type Calendar = RecordOf<(typeof calendar)['fields']>;
export type Article = RecordOf<(typeof articles)['fields']>;
export type Meeting = RecordOf<(typeof meetings)['fields']>;
export type Report = RecordOf<(typeof reports)['fields']>;
export type CalendarOverride = NonNullable<Calendar['meetings']>[number];
