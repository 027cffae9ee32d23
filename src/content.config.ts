/** Astro collections over content/: loaders from src/load, schemas derived from the content model. */
import { defineCollection } from 'astro:content';
import { portalLoader } from './integrations/content-loader.ts';
import {
  articles,
  calendarOverrideSchema,
  collectionSchema,
  meetings,
  people,
  regions,
  reports,
} from './model/index.ts';

export const collections = {
  regions: defineCollection({ loader: portalLoader('regions'), schema: collectionSchema(regions) }),
  people: defineCollection({ loader: portalLoader('people'), schema: collectionSchema(people) }),
  calendar: defineCollection({ loader: portalLoader('calendar'), schema: calendarOverrideSchema() }),
  articles: defineCollection({ loader: portalLoader('articles'), schema: collectionSchema(articles) }),
  meetings: defineCollection({ loader: portalLoader('meetings'), schema: collectionSchema(meetings) }),
  reports: defineCollection({ loader: portalLoader('reports'), schema: collectionSchema(reports) }),
};
