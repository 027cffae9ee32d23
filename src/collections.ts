/**
 * Each collection's loader and schema, once: Astro's content config (src/content.config.ts) wraps them in
 * defineCollection, and the fast path (src/fastpath/), which runs outside Vite, loads and parses with them.
 */
import { portalLoader } from './integrations/content-loader.ts';
import {
  articles,
  calendarOverrideSchema,
  collectionSchema,
  holidaySchema,
  meetings,
  people,
  regions,
  reports,
  workdaySchema,
  worklogs,
} from './model/index.ts';

export const collectionSources = {
  regions: { loader: portalLoader('regions'), schema: collectionSchema(regions) },
  people: { loader: portalLoader('people'), schema: collectionSchema(people) },
  calendar: { loader: portalLoader('calendar'), schema: calendarOverrideSchema() },
  articles: { loader: portalLoader('articles'), schema: collectionSchema(articles) },
  meetings: { loader: portalLoader('meetings'), schema: collectionSchema(meetings) },
  holidays: { loader: portalLoader('holidays'), schema: holidaySchema() },
  workdays: { loader: portalLoader('workdays'), schema: workdaySchema() },
  reports: { loader: portalLoader('reports'), schema: collectionSchema(reports) },
  worklogs: { loader: portalLoader('worklogs'), schema: collectionSchema(worklogs) },
};
