/** Astro collections over content/: loaders from src/load, schemas derived from the content model. */
import { defineCollection } from 'astro:content';
import { collectionSources as c } from './collections.ts';

export const collections = {
  regions: defineCollection(c.regions),
  people: defineCollection(c.people),
  calendar: defineCollection(c.calendar),
  articles: defineCollection(c.articles),
  meetings: defineCollection(c.meetings),
  holidays: defineCollection(c.holidays),
  workdays: defineCollection(c.workdays),
  reports: defineCollection(c.reports),
  worklogs: defineCollection(c.worklogs),
};
