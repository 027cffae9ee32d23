/** The content model: the field tables, the record types inferred from them and the schemas derived. */
import type {
  articles,
  calendar,
  meetings,
  people,
  regions,
  reports,
  worklogs,
} from './collections/index.ts';
import type { RecordOf } from './types.ts';

export * from './collections/index.ts';
export type { Collection, Field } from './field.ts';
export type { Figure } from './types.ts';
export { calendarOverrideSchema, collectionSchema, holidaySchema, workdaySchema } from './schema.ts';
export { worklogTitle } from './worklog.ts';

export type Region = RecordOf<(typeof regions)['fields']>;
export type Person = RecordOf<(typeof people)['fields']>;
export type Calendar = RecordOf<(typeof calendar)['fields']>;
export type Article = RecordOf<(typeof articles)['fields']>;
export type Meeting = RecordOf<(typeof meetings)['fields']>;
export type Report = RecordOf<(typeof reports)['fields']>;
export type Worklog = RecordOf<(typeof worklogs)['fields']>;
export type WorklogDay = NonNullable<Worklog['days']>[number];
export type CalendarOverride = NonNullable<Calendar['meetings']>[number];
export type Holiday = NonNullable<Calendar['holidays']>[number];
export type Workday = NonNullable<Calendar['workdays']>[number];
