/**
 * The data the activity pages, their downloads and the 及时性公示 are built from: the compliance pages'
 * gathering (the same content, "now", first sightings, months and per-month exports, whose `activity` part
 * these pages show) and, per month, the timeliness counts, each computed once per build. Not a route
 * (leading underscore).
 */
import { activityTrend, type ActivityMonth } from '../../../rules/activity-trend.ts';
import { timeliness, type Timeliness } from '../../../rules/compliance.ts';
import { perBuild } from '../../../site/per-build.ts';
import { complianceSource, downloadPaths, memo, type ComplianceSource } from '../compliance/_source.ts';

export interface ActivitySource extends ComplianceSource {
  /** Per person on the roster that month: their required submissions on time, late, missing, pending. */
  timeliness(month: string): Timeliness[];
  /** Each region's sums over the last twelve months, oldest first, ending with the month of asOf. */
  trend: ActivityMonth[];
}

async function gather(): Promise<ActivitySource> {
  const source = await complianceSource();
  const { content, asOf, sightings } = source;
  return {
    ...source,
    timeliness: memo((month) => timeliness(content, month, asOf, { sightings, exportOf: source.exportOf })),
    trend: activityTrend(content, { asOf }),
  };
}

/** One gathering per build, shared by every page. */
export const activitySource: () => Promise<ActivitySource> = perBuild(gather);

/** getStaticPaths of a month's activity download, CSV or JSON: both show the export's month, asOf and rows. */
export const activityDownloadPaths = (kind: string) =>
  downloadPaths(kind, ({ month, asOf, activity }) => [month, asOf, activity]);
