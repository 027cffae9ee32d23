/**
 * The data every compliance page and download is built from, gathered once per build: the collections as
 * Astro loaded them (the same validated records `npm run compliance` reads), the build's "now" from
 * src/site/now.ts, the first sightings from the content repository's ledger (src/ledger), the twelve-month
 * series and the months that get a page. Not a route (leading underscore).
 *
 * The per-month results (the compliance export, the 时间存疑 entries, what is still owed) are computed once per
 * build however many pages, downloads and cache keys ask for them. The pages' cache keys are made from these
 * results (src/site/cache-key.ts viewKey), so the ledger as it is now, the build's "now" and the reminder
 * records reach a page through what it shows: a sighting recorded after the last build changes the results,
 * hence the key.
 */
import { pathToFileURL } from 'node:url';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Temporal } from 'temporal-polyfill';
import type { CalendarOverride, Holiday, Person, Region, Workday } from '../../../model/index.ts';
import { contentRoot } from '../../../integrations/content-loader.ts';
import { readSightings } from '../../../ledger/sightings.ts';
import { readSent, type SentRecord } from '../../../notify/record.ts';
import { outstanding, type Reminder } from '../../../deadlines/reminders.ts';
import {
  computeCompliance,
  suspectEntries,
  type ComplianceExport,
  type SuspectEntry,
} from '../../../rules/compliance.ts';
import { compareCodePoints } from '../../../rules/counting.ts';
import { complianceSeries } from '../../../rules/series.ts';
import type { Sightings } from '../../../rules/sightings.ts';
import { pageMonths } from '../../../site/compliance/months.ts';
import { sharedKey, viewKey } from '../../../site/cache-key.ts';
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
  /** What every page's cache key shares: the code and the roster (src/site/cache-key.ts sharedKey). */
  shared: string;
  /** The month's compliance export, as `npm run compliance` prints it for the build's "now". */
  exportOf(month: string): ComplianceExport;
  /** The month's entries whose times are 时间存疑 (only with a ledger). */
  suspectsOf(month: string): SuspectEntry[];
  /** What is still owed of the month at the build's "now", every region. */
  outstandingOf(month: string): Reminder[];
}

async function gather(): Promise<ComplianceSource> {
  const regions = await getCollection('regions');
  const people = await getCollection('people');
  const content = {
    // By id, as the export lists them: the grid, the charts and the downloads then agree row for row.
    regions: regions.map((e) => e.data).sort((a, b) => compareCodePoints(a.id, b.id)),
    people: people.map((e) => e.data),
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
  const series = complianceSeries(content, { asOf, sightings });
  // The last twelve months are already in the series: the same exports, reused. The rules that build on a
  // month's export (时间存疑, what is owed, the feeds' deadlines) are given them rather than compute their own.
  const exportOf = memo(
    (month) =>
      series.find((e) => e.month === month) ?? computeCompliance(content, { month, asOf, sightings }),
  );
  return {
    content,
    asOf,
    sightings,
    series,
    months: pageMonths(content, asOf),
    sent: readSent(root),
    shared: sharedKey(regions, people),
    exportOf,
    suspectsOf: memo((month) => suspectEntries(content, { month, asOf, sightings, exportOf })),
    outstandingOf: memo((month) => outstanding(content, [month], asOf, { sightings, exportOf })),
  };
}

/** A month's result computed once, however many pages, downloads and keys show it. */
export function memo<T>(compute: (month: string) => T): (month: string) => T {
  const results = new Map<string, T>();
  return (month) => {
    if (!results.has(month)) results.set(month, compute(month));
    return results.get(month)!;
  };
}

/** One gathering per build, shared by every page: the rules index the content once. */
export const complianceSource: () => Promise<ComplianceSource> = perBuild(gather);

/**
 * getStaticPaths of a month's download (the compliance and activity CSV and JSON files): one path per month
 * with a page, keyed by what the file shows of the month's export (`shows`) and the roster's names.
 */
export async function downloadPaths(kind: string, shows: (result: ComplianceExport) => unknown) {
  const source = await complianceSource();
  return source.months.map((month) => ({
    params: { month },
    cacheKey: viewKey(source.shared, kind, shows(source.exportOf(month))),
  }));
}
