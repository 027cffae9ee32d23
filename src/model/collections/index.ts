/** Every collection of the content contract, in the order the docs list them. */
import { articles } from './articles.ts';
import { meetings } from './meetings.ts';
import { calendar, people, regions } from './org.ts';
import { reports } from './reports.ts';
import { worklogs } from './worklogs.ts';

export { articles, calendar, meetings, people, regions, reports, worklogs };

export const COLLECTIONS = [regions, people, calendar, articles, meetings, reports, worklogs] as const;

/** The collections of Markdown submissions. */
export const SUBMISSIONS = [articles, meetings, reports, worklogs] as const;

export type CollectionName = (typeof COLLECTIONS)[number]['name'];
export type SubmissionName = (typeof SUBMISSIONS)[number]['name'];
