/** Every collection of the content contract, in the order the docs list them. */
import { articles } from './articles.ts';
import { meetings } from './meetings.ts';
import { calendar, people, regions } from './org.ts';
import { reports } from './reports.ts';

export { articles, calendar, meetings, people, regions, reports };

export const COLLECTIONS = [regions, people, calendar, articles, meetings, reports] as const;

/** The collections of Markdown submissions. */
export const SUBMISSIONS = [articles, meetings, reports] as const;

export type CollectionName = (typeof COLLECTIONS)[number]['name'];
export type SubmissionName = (typeof SUBMISSIONS)[number]['name'];
