/**
 * What the activity index shows: who is below a quota this week and this month, region by region, and each
 * region's twelve months. The rows and sums come from the rules; this only picks and groups them.
 */
import { measureLabel } from '../../rules/labels.ts';
import type { Temporal } from 'temporal-polyfill';
import type { Person, Region } from '../../model/index.ts';
import { formatWeek, inShanghai } from '../../model/time.ts';
import { REQUIRED_COLOR, PALETTE, type ChartSpec } from '../compliance/chart-spec.ts';
import { shortMonthLabels } from '../compliance/months.ts';
import { MEASURE_UNITS } from './labels.ts';
import { isIn, placesOf, type Place } from './month.ts';
import type { Measure } from '../../model/options.ts';
import type { ActivityRow } from '../../rules/activity.ts';

/**
 * The ISO week holding `asOf` in Beijing, and the month whose export lists it: a week belongs to the month
 * of its Thursday, so the Monday 30 November 2026 is in week 2026-W49, listed with December.
 */
export function currentWeek(asOf: Temporal.Instant): { week: string; month: string } {
  const day = inShanghai(asOf).toPlainDate();
  const thursday = day.add({ days: 4 - day.dayOfWeek });
  return { week: formatWeek(day), month: thursday.toPlainYearMonth().toString() };
}

export interface BelowLine {
  person: string;
  name: string;
  row: ActivityRow;
}

/**
 * Per region (in the order given), the people whose count for the measure in the period is under what they
 * owe, whether the period is over (`below`) or not yet (`pending`). Regions with nobody below are kept with
 * an empty list, so the page can say so.
 */
export function belowByRegion(
  rows: readonly ActivityRow[],
  regions: readonly Region[],
  people: readonly Pick<Person, 'id' | 'name'>[],
  which: { measure: Measure; scope: 'week' | 'month'; period: string },
): { region: Place; lines: BelowLine[] }[] {
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const short = rows.filter(
    (r) =>
      r.measure === which.measure &&
      r.scope === which.scope &&
      r.period === which.period &&
      r.status !== 'met',
  );
  return placesOf(regions, short).map((region) => ({
    region,
    lines: short
      .filter((r) => isIn(r, region))
      .map((row) => ({ person: row.person, name: name(row.person), row })),
  }));
}

/** A region's trend chart: its people's total per month as bars, what they owed together as a level. */
export function trendChart(
  months: readonly { month: string; count: number; required: number }[],
  measure: Measure,
): ChartSpec {
  const unit = MEASURE_UNITS[measure];
  return {
    labels: shortMonthLabels(months.map((m) => m.month)),
    yTitle: `${measureLabel(measure)}（${unit}）`,
    bars: [
      {
        label: `${measureLabel(measure)}合计（${unit}）`,
        color: PALETTE[0],
        values: months.map((m) => m.count),
      },
    ],
    required: {
      label: `要求合计（${unit}）`,
      value: months[0]?.required ?? 0,
      values: months.map((m) => m.required),
      color: REQUIRED_COLOR,
    },
  };
}
