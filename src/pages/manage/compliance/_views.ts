/**
 * What each compliance page shows, computed once per build from the shared gathering (./_source.ts): the
 * page renders it and its cache key is made from it (src/site/cache-key.ts viewKey), so a page is rendered
 * again exactly when something it shows changed. Names the pages look up in the directory come from the
 * roster, which every key covers (sharedKey). Not a route (leading underscore).
 */
import { monthOf } from '../../../model/time.ts';
import { DEFAULT_POLICY } from '../../../rules/policy.ts';
import { regionSeries, reportsOf } from '../../../rules/series.ts';
import { viewKey } from '../../../site/cache-key.ts';
import { chaseGroups, chaseHistory } from '../../../site/compliance/chase.ts';
import { peopleOfMonth } from '../../../site/compliance/people.ts';
import { regionEntriesByMonth } from '../../../site/compliance/region.ts';
import { needingAttention, newestDueFirst, reportRowViews } from '../../../site/compliance/report-rows.ts';
import { suspectRowViews } from '../../../site/compliance/suspects.ts';
import { makeDirectory } from '../../../site/directory.ts';
import { perBuild } from '../../../site/per-build.ts';
import { SITE_ORIGIN } from '../../../site/origin.ts';
import { complianceSource, memo, type ComplianceSource } from './_source.ts';

function directoryOf(content: ComplianceSource['content']) {
  return makeDirectory(
    content.regions.map((data) => ({ data })),
    content.people.map((data) => ({ data })),
  );
}

function monthView(source: ComplianceSource, month: string) {
  const { content, asOf, months, sightings, sent } = source;
  const directory = directoryOf(content);
  const result = source.exportOf(month);
  // Regions in the export's order (by id), as on every compliance page.
  const regions = result.regions.map((counts) => ({ region: directory.region(counts.id)!, counts }));
  const reports = reportRowViews(result.reports, content, directory, { sightings });
  return {
    month,
    months,
    asOf,
    hasLedger: sightings !== undefined,
    regions,
    reports,
    suspects: suspectRowViews(source.suspectsOf(month), content, directory),
    attention: needingAttention(reports),
    shortRegions: regions.filter(
      (r) => r.counts.articles.status === 'missing' || r.counts.meetings.status === 'missing',
    ),
    people: peopleOfMonth(content, month),
    chases: chaseGroups(source.outstandingOf(month), content, asOf, { site: SITE_ORIGIN }),
    history: chaseHistory(sent, content, month),
  };
}

function regionView(source: ComplianceSource, id: string) {
  const { content, asOf, series, sightings, sent } = source;
  const directory = directoryOf(content);
  const region = directory.region(id)!;
  const line = regionSeries(series, region.id);
  // Everyone who holds a reporting role in the region, so that a manager who left mid-year still shows.
  const managers = new Set(
    content.people
      .filter((p) => p.region === region.id && DEFAULT_POLICY.reports.roles.includes(p.role))
      .map((p) => p.id),
  );
  const month = monthOf(asOf);
  const entries = regionEntriesByMonth(
    region.id,
    line.map((m) => m.month),
    content.articles,
    content.meetings,
    DEFAULT_POLICY,
    sightings,
  );
  return {
    region,
    asOf,
    line,
    entries,
    reports: reportRowViews(newestDueFirst(reportsOf(series, managers)), content, directory, { sightings }),
    chases: chaseGroups(source.outstandingOf(month), content, asOf, { region: region.id, site: SITE_ORIGIN }),
    history: chaseHistory(sent, content, month, region.id),
  };
}

export type MonthView = ReturnType<typeof monthView>;
export type RegionView = ReturnType<typeof regionView>;

interface Views {
  /** The roster's names, for the pages (not part of a view: the shared key covers the roster). */
  directory: ReturnType<typeof makeDirectory>;
  month(month: string): MonthView;
  region(id: string): RegionView;
  /** Each page's key: its view and the keys' shared part (code, roster). */
  monthKey(month: string): string;
  regionKey(id: string): string;
}

/**
 * The views of one build, each computed at most once, for getStaticPaths (keys) and the pages alike. Per build
 * generation, not per process: the fast path renders many updates in one process (src/site/per-build.ts).
 */
export const complianceViews: () => Promise<Views> = perBuild(() =>
  complianceSource().then((source) => {
    const month = memo((m) => monthView(source, m));
    const region = memo((id) => regionView(source, id));
    return {
      directory: directoryOf(source.content),
      month,
      region,
      monthKey: (m) => viewKey(source.shared, 'compliance-month', month(m)),
      regionKey: (id) => viewKey(source.shared, 'compliance-region', region(id)),
    };
  }),
);
