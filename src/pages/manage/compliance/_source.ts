/**
 * The data every compliance page and download is built from, gathered once per build: the collections as
 * Astro loaded them (the same validated records `npm run compliance` reads), the build's "now" from
 * src/site/now.ts, the first sightings from the content repository's ledger (src/ledger), the twelve-month
 * series and the months that get a page. Not a route (leading underscore).
 *
 * None of the pages built from this has a cacheKey, so each is rendered afresh in every build and always
 * shows the ledger as it is now: a sighting recorded after the last build needs no key to reach them.
 */
import { pathToFileURL } from 'node:url';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Temporal } from 'temporal-polyfill';
import type { CalendarOverride, Holiday, Person, Region, Workday } from '../../../model/index.ts';
import { contentRoot } from '../../../integrations/content-loader.ts';
import { readSightings } from '../../../ledger/sightings.ts';
import { readSent, type SentRecord } from '../../../notify/record.ts';
import type { ComplianceExport } from '../../../rules/compliance.ts';
import { compareCodePoints } from '../../../rules/counting.ts';
import { complianceSeries } from '../../../rules/series.ts';
import type { Sightings } from '../../../rules/sightings.ts';
import { pageMonths } from '../../../site/compliance/months.ts';
import { buildNow } from '../../../site/now.ts';
import { perBuild } from '../../../site/per-build.ts';

export interface ComplianceSource {
  content: {
    regions: Region[];
    people: Person[];
    calendar: { meetings: CalendarOverride[]; holidays: Holiday[]; workdays: Workday[] };
    articles: CollectionEntry<'articles'>[];
    meetings: CollectionEntry<'meetings'>[];
    reports: CollectionEntry<'reports'>[];
    worklogs: CollectionEntry<'worklogs'>[];
  };
  asOf: Temporal.Instant;
  /** When each entry was first seen on main; undefined when the content is not in a repository with a ledger. */
  sightings: Sightings | undefined;
  /** The last twelve months, oldest first, ending with the month of asOf. */
  series: ComplianceExport[];
  /** Every month with a page and downloads, oldest first. */
  months: string[];
  /** What `npm run remind` sent, from the repository's portal-reminders branch (empty without one). */
  sent: SentRecord[];
}

async function gather(): Promise<ComplianceSource> {
  const content = {
    // By id, as the export lists them: the grid, the charts and the downloads then agree row for row.
    regions: (await getCollection('regions'))
      .map((e) => e.data)
      .sort((a, b) => compareCodePoints(a.id, b.id)),
    people: (await getCollection('people')).map((e) => e.data),
    calendar: {
      meetings: (await getCollection('calendar')).map((e) => e.data),
      holidays: (await getCollection('holidays')).map((e) => e.data),
      workdays: (await getCollection('workdays')).map((e) => e.data),
    },
    articles: await getCollection('articles'),
    meetings: await getCollection('meetings'),
    reports: await getCollection('reports'),
    worklogs: await getCollection('worklogs'),
  };
  const asOf = buildNow();
  // The build runs from the project folder (npm run build), where the loader finds content/ too.
  const root = contentRoot(pathToFileURL(`${process.cwd()}/`));
  const sightings = readSightings(root);
  return {
    content,
    asOf,
    sightings,
    series: complianceSeries(content, { asOf, sightings }),
    months: pageMonths(content, asOf),
    sent: readSent(root),
  };
}

/** One gathering per build, shared by every page: the rules index the content once. */
export const complianceSource: () => Promise<ComplianceSource> = perBuild(gather);
