/**
 * A month's activity rows (from the rules) laid out for the month page: region by region, measure by
 * measure, one line per person with the month's figures and each week's. No counting happens here: every
 * number is a row of the export.
 */
import { measureLabel } from '../../rules/labels.ts';
import type { Person, Region } from '../../model/index.ts';
import { compareCodePoints } from '../../rules/counting.ts';
import { PALETTE, REQUIRED_COLOR, type ChartSpec } from '../compliance/chart-spec.ts';
import type { Measure } from '../../model/options.ts';
import { MEASURE_ORDER, MEASURE_UNITS } from './labels.ts';
import type { ActivityRow } from '../../rules/activity.ts';

export interface PersonLine {
  person: string;
  name: string;
  month: ActivityRow;
  /** The person's row for each of the table's weeks; undefined where the export has none. */
  weeks: (ActivityRow | undefined)[];
}

export interface MeasureBlock {
  measure: Measure;
  /** The ISO weeks of the month (their Thursday in it), in order. */
  weeks: string[];
  lines: PersonLine[];
}

/** Where the pages group people: a region, or the group of people without one (id NO_REGION). */
export type Place = Pick<Region, 'id' | 'name'>;

/** The id of the group of people without a region: not a slug, so no region can have it. */
export const NO_REGION = '-';

/**
 * The regions given, then 未分区域 when some row's person has no region: nobody who owes a quota drops off
 * the page for lack of one.
 */
export function placesOf(regions: readonly Region[], rows: readonly ActivityRow[]): Place[] {
  const places: Place[] = regions.map(({ id, name }) => ({ id, name }));
  if (rows.some((r) => r.region === null)) places.push({ id: NO_REGION, name: '未分区域' });
  return places;
}

/** Whether a row belongs to a place. */
export const isIn = (row: ActivityRow, place: Place) => (row.region ?? NO_REGION) === place.id;

export interface RegionBlock {
  region: Place;
  measures: MeasureBlock[];
  /** Rows changed after the next working day's morning meeting, by person, then day. */
  changedLater: { person: string; name: string; measure: Measure; date: string; updated: string }[];
}

/**
 * The regions in the order given (the export's: by id), each with the measures its people are held to (in
 * the model's order) and, within a measure, its people in the export's order. Regions without a row appear
 * with no measures, so the page can say that nobody there has a quota.
 */
export function regionBlocks(
  rows: readonly ActivityRow[],
  regions: readonly Region[],
  people: readonly Pick<Person, 'id' | 'name'>[],
): RegionBlock[] {
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  return placesOf(regions, rows).map((region) => {
    const own = rows.filter((r) => isIn(r, region));
    const measures = MEASURE_ORDER.flatMap((measure): MeasureBlock[] => {
      const ofMeasure = own.filter((r) => r.measure === measure);
      if (ofMeasure.length === 0) return [];
      const weeks = [...new Set(ofMeasure.filter((r) => r.scope === 'week').map((r) => r.period))].sort(
        compareCodePoints,
      );
      const lines = ofMeasure
        .filter((r) => r.scope === 'month')
        .map((month) => ({
          person: month.person,
          name: name(month.person),
          month,
          weeks: weeks.map((week) =>
            ofMeasure.find((r) => r.person === month.person && r.scope === 'week' && r.period === week),
          ),
        }));
      return [{ measure, weeks, lines }];
    });
    // A changed row shows once however many measures the person has: it is the day's row that changed.
    const seen = new Set<string>();
    const changedLater = own
      .filter((r) => r.scope === 'month')
      .flatMap((r) => (r.changedLater ?? []).map((c) => ({ ...c, person: r.person, measure: r.measure })))
      .filter((c) => {
        const key = `${c.person}\u0000${c.date}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((c) => ({ ...c, name: name(c.person) }));
    return { region, measures, changedLater };
  });
}

/** A region's chart for one measure: each person's count as a bar, their own requirement as a level. */
export function personChart(block: MeasureBlock): ChartSpec {
  const unit = MEASURE_UNITS[block.measure];
  return {
    labels: block.lines.map((l) => l.name),
    yTitle: `${measureLabel(block.measure)}（${unit}）`,
    bars: [
      {
        label: `本月${measureLabel(block.measure)}（${unit}）`,
        color: PALETTE[0],
        values: block.lines.map((l) => l.month.count),
      },
    ],
    required: {
      label: `本月要求（${unit}）`,
      value: block.lines[0]?.month.required ?? 0,
      values: block.lines.map((l) => l.month.required),
      color: REQUIRED_COLOR,
    },
  };
}

/** `11月3日` for `2026-11-03`: on a month's page the year goes without saying. */
export function dayLabel(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${month}月${day}日`;
}

/** `第45周` for `2026-W45`: a column heading; the full span is in weekLabel(). */
export function shortWeekLabel(week: string): string {
  return `第${Number(week.split('-W')[1])}周`;
}
