/**
 * The activity figures summed per region (issue 12): a month's per-region totals of the month rows, and the
 * twelve-month trend the /manage/activity/ index draws. Pure, like the counting it sums (activity.ts).
 */
import type { Temporal } from 'temporal-polyfill';
import type { Region } from '../model/index.ts';
import type { Measure } from '../model/options.ts';
import { monthOf } from '../model/time.ts';
import { activityRows, type ActivityContent, type ActivityRow } from './activity.ts';
import { compareCodePoints } from './counting.ts';
import { lastMonths } from './series.ts';
import type { Policy } from './policy.ts';

/** A region's month of one measure: the sums over its people's month rows. */
export interface RegionActivity {
  region: string;
  measure: Measure;
  /** People who owe the measure in the month. */
  people: number;
  count: number;
  required: number;
  met: number;
  pending: number;
  below: number;
}

/** Per region and measure, the month rows summed; regions by id, then measures. People without a region are left out. */
export function regionActivity(rows: readonly ActivityRow[]): RegionActivity[] {
  const sums = new Map<string, RegionActivity>();
  for (const row of rows) {
    if (row.scope !== 'month' || row.region === null) continue;
    const key = `${row.region}\u0000${row.measure}`;
    let sum = sums.get(key);
    if (!sum) {
      sum = {
        region: row.region,
        measure: row.measure,
        people: 0,
        count: 0,
        required: 0,
        met: 0,
        pending: 0,
        below: 0,
      };
      sums.set(key, sum);
    }
    sum.people++;
    sum.count += row.count;
    sum.required += row.required;
    sum[row.status]++;
  }
  return [...sums.values()].sort(
    (a, b) => compareCodePoints(a.region, b.region) || compareCodePoints(a.measure, b.measure),
  );
}

/** One month of the trend: the region sums of that month. */
export interface ActivityMonth {
  month: string;
  regions: RegionActivity[];
}

/** The region sums of the `months` months ending with asOf's Beijing month, oldest first. */
export function activityTrend(
  content: ActivityContent,
  options: { asOf: Temporal.Instant; months?: number; policy?: Policy; last?: string },
): ActivityMonth[] {
  const { asOf, months = 12, policy } = options;
  return lastMonths(options.last ?? monthOf(asOf), months).map((month) => ({
    month,
    regions: regionActivity(activityRows(content, { month, asOf, policy, weeks: false })),
  }));
}

/** One region's line through the trend for one measure: count against required, month by month. */
export function regionTrend(
  trend: readonly ActivityMonth[],
  region: Pick<Region, 'id'>,
  measure: Measure,
): { month: string; count: number; required: number; people: number }[] {
  return trend.map(({ month, regions }) => {
    const r = regions.find((x) => x.region === region.id && x.measure === measure);
    return { month, count: r?.count ?? 0, required: r?.required ?? 0, people: r?.people ?? 0 };
  });
}
