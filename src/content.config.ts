/** Astro collections over content/: loaders from src/load, schemas derived from the content model. */
import { defineCollection } from 'astro:content';
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

export const collections = {
  regions: defineCollection({ loader: portalLoader('regions'), schema: collectionSchema(regions) }),
  people: defineCollection({ loader: portalLoader('people'), schema: collectionSchema(people) }),
  calendar: defineCollection({ loader: portalLoader('calendar'), schema: calendarOverrideSchema() }),
  articles: defineCollection({ loader: portalLoader('articles'), schema: collectionSchema(articles) }),
  meetings: defineCollection({ loader: portalLoader('meetings'), schema: collectionSchema(meetings) }),
  holidays: defineCollection({ loader: portalLoader('holidays'), schema: holidaySchema() }),
  workdays: defineCollection({ loader: portalLoader('workdays'), schema: workdaySchema() }),
  reports: defineCollection({ loader: portalLoader('reports'), schema: collectionSchema(reports) }),
  worklogs: defineCollection({ loader: portalLoader('worklogs'), schema: collectionSchema(worklogs) }),
};
