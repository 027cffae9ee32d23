/**
 * The data the activity pages, their downloads and the 及时性公示 are built from: the compliance pages'
 * gathering (the same content, "now", first sightings and months) and, per month, the compliance export
 * (whose `activity` part these pages show) and the timeliness counts, each computed once per build. Not a
 * route (leading underscore).
 */
import { activityTrend, type ActivityMonth } from '../../../rules/activity-trend.ts';
import {
  computeCompliance,
  timeliness,
  type ComplianceExport,
  type Timeliness,
} from '../../../rules/compliance.ts';
import { perBuild } from '../../../site/per-build.ts';
import { complianceSource, type ComplianceSource } from '../compliance/_source.ts';

export interface ActivitySource extends ComplianceSource {
  /** The month's compliance export, as `npm run compliance` prints it for the build's "now". */
  exportOf(month: string): ComplianceExport;
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
    // The last twelve months are already computed for the compliance pages: the same exports, reused.
    exportOf: memo(
      (month) =>
        source.series.find((e) => e.month === month) ??
        computeCompliance(content, { month, asOf, sightings }),
    ),
    timeliness: memo((month) => timeliness(content, month, asOf, { sightings })),
    trend: activityTrend(content, { asOf }),
  };
}

/** A month's result computed once, however many pages and downloads show it. */
function memo<T>(compute: (month: string) => T): (month: string) => T {
  const results = new Map<string, T>();
  return (month) => {
    if (!results.has(month)) results.set(month, compute(month));
    return results.get(month)!;
  };
}

/** One gathering per build, shared by every page. */
export const activitySource: () => Promise<ActivitySource> = perBuild(gather);
