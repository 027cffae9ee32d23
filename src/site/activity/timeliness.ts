/**
 * The 及时性公示 as the page lays it out: region by region, the people on the roster that month with how many
 * of their required submissions were on time, late, missing or not yet due. The figures are the rules'; the
 * roster filter here is the page's own promise (names only of people on the roster that month), kept even
 * should a row for someone else reach it.
 */
import type { Person, Region } from '../../model/index.ts';
import { ROLE_ORDER } from '../../model/options.ts';
import { periodSpan } from '../../model/time.ts';
import { activeDuring, compareCodePoints } from '../../rules/counting.ts';
import { DEPARTMENT_WIDE } from '../directory.ts';
import type { Timeliness } from '../../rules/compliance.ts';

export interface TimelinessLine extends Timeliness {
  name: string;
  /** Required submissions that fell due in the month (on time + late + missing). */
  due: number;
}

export interface TimelinessGroup {
  /** Region id; undefined for people without one. */
  id: string | undefined;
  name: string;
  lines: TimelinessLine[];
}

/**
 * The regions in the order given, then people without a region; within each, people by role (as the model
 * lists roles) and id. Regions with nobody listed are left out.
 */
export function timelinessGroups(
  rows: readonly Timeliness[],
  month: string,
  roster: { regions: readonly Region[]; people: readonly Person[] },
): TimelinessGroup[] {
  const span = periodSpan('month', month);
  if (!span) throw new RangeError(`不是月份：${month}`);
  const byId = new Map(roster.people.map((p) => [p.id, p]));
  const lines = rows.flatMap((row) => {
    const person = byId.get(row.person);
    if (!person || !activeDuring(person, span)) return [];
    return [{ person, line: { ...row, name: person.name, due: row.onTime + row.late + row.missing } }];
  });
  lines.sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.person.role) - ROLE_ORDER.indexOf(b.person.role) ||
      compareCodePoints(a.person.id, b.person.id),
  );
  const groups: TimelinessGroup[] = [...roster.regions, undefined].map((region) => ({
    id: region?.id,
    name: region?.name ?? DEPARTMENT_WIDE,
    lines: lines.filter((l) => l.person.region === region?.id).map((l) => l.line),
  }));
  return groups.filter((g) => g.lines.length > 0);
}
