/** Regions, the roster (with joins, departures and one manager handover) and the company leaders. */
import {
  BASE_REGIONS,
  CITY_HOSPITALS,
  COUNTY_HOSPITALS,
  EXTRA_REGIONS,
  LEADER_TITLES,
} from './corpus/places.ts';
import { GIVEN_DOUBLE, GIVEN_SINGLE, SURNAMES } from './corpus/names.ts';
import type { Rng } from './random.ts';
import type { Timeline } from './timeline.ts';
import type { Org, Person, Plan, Region, Role } from './types.ts';

const SURNAME_WEIGHTS = SURNAMES.map((s) => s[2]);
/** Yearly chance that a rep leaves. */
const REP_TURNOVER = 0.14;

class Roster {
  readonly people: Person[] = [];
  readonly #ids = new Map<string, number>();
  readonly #rng: Rng;
  readonly #tl: Timeline;

  constructor(rng: Rng, tl: Timeline) {
    this.#rng = rng;
    this.#tl = tl;
  }

  /** A new person active from day `from` (timeline index). */
  add(role: Role, region: string | undefined, from: number): Person {
    const r = this.#rng;
    const [surname, surnamePinyin] = r.weighted(SURNAMES, SURNAME_WEIGHTS);
    const [given, givenPinyin] = r.chance(0.45) ? r.pick(GIVEN_SINGLE) : r.pick(GIVEN_DOUBLE);
    const base = surnamePinyin + givenPinyin;
    const n = (this.#ids.get(base) ?? 0) + 1;
    this.#ids.set(base, n);
    const person: Person = {
      id: n === 1 ? base : `${base}${n}`,
      name: surname + given,
      role,
      joined: this.#tl.isoAt(from),
      from,
      to: Infinity,
    };
    if (region !== undefined) person.region = region;
    this.people.push(person);
    return person;
  }

  leave(person: Person, day: number): void {
    person.to = day;
    person.left = this.#tl.isoAt(day);
  }
}

function buildRegions(rng: Rng, count: number): Omit<Region, 'manager'>[] {
  const seeds = [...BASE_REGIONS, ...EXTRA_REGIONS].slice(0, count);
  return seeds.map((seed) => {
    const hospitals: string[] = [];
    for (const c of seed.cities) for (const p of CITY_HOSPITALS) hospitals.push(p.replace('{c}', c));
    for (const k of seed.counties) for (const p of COUNTY_HOSPITALS) hospitals.push(p.replace('{k}', k));
    return {
      id: seed.id,
      name: seed.name,
      seed,
      hospitals,
      size: Math.round(rng.float(0.7, 1.5) * 100) / 100,
    };
  });
}

export function buildOrg(rng: Rng, tl: Timeline, plan: Plan): Org {
  const roster = new Roster(rng.fork('names'), tl);
  const start = tl.startIdx;
  const end = tl.endIdx;
  const span = end - start;
  const longAgo = (min: number, max: number) => start - rng.int(min, max);

  const head = roster.add('head', undefined, longAgo(2500, 4500));
  const regions = buildRegions(rng, plan.regionCount);
  const managers = new Map<string, string>();
  const supervisors: Person[] = [];

  regions.forEach((region, index) => {
    let manager = roster.add('manager', region.id, longAgo(700, 3600));
    // One region changes hands in the middle of the range: the old manager leaves, the new one starts next day.
    if (index === 2 && span > 80) {
      const handover = start + Math.floor(span * 0.55) + rng.int(-10, 10);
      roster.leave(manager, handover);
      manager = roster.add('manager', region.id, handover + 1);
    }
    managers.set(region.id, manager.id);

    const reps = Math.max(2, plan.repsPerRegion + rng.int(-1, 1));
    for (let slot = 0; slot < reps; slot++) {
      // Some slots are new positions filled during the range; the others are held since before it.
      let from =
        index > 0 && slot === reps - 1 && rng.chance(0.3)
          ? start + rng.int(20, Math.max(21, span - 30))
          : longAgo(60, 3000);
      for (let first = true; ; first = false) {
        const rep = roster.add('rep', region.id, from);
        const hazard = REP_TURNOVER / 365;
        const stay = Math.floor(-Math.log(1 - rng.next()) / hazard);
        const leaveDay = Math.max(from + 90, start) + stay;
        // Keep the first region's first rep for the examples; force one departure in the second region.
        const forced =
          first && index === 1 && slot === 0 && span > 60 ? start + Math.floor(span * 0.4) : undefined;
        const day = forced ?? leaveDay;
        if (day > end - 5 || (index === 0 && slot === 0)) break;
        roster.leave(rep, day);
        from = day + rng.int(7, 40);
        if (from > end - 3) break;
      }
    }
    for (let i = 0; i < plan.officePerRegion; i++) roster.add('office', region.id, longAgo(200, 2800));
  });

  for (let i = 0; i < plan.supervisorCount; i++) {
    const region = regions[i % regions.length];
    if (region) supervisors.push(roster.add('supervisor', region.id, longAgo(300, 2600)));
  }

  const leaderRng = rng.fork('leaders');
  const surnames = leaderRng.sample(
    SURNAMES.slice(0, 30).map((s) => s[0]),
    LEADER_TITLES.length,
  );
  const leaders = LEADER_TITLES.map((title, i) => `${surnames[i] ?? '王'}${title}`);
  const leaderShort = leaders.map((l) => l.slice(0, l.indexOf('（')));
  leaders.push(`${head.name.slice(0, 1)}部长（销售部）`);
  leaderShort.push(`${head.name.slice(0, 1)}部长`);

  // people.yaml order: head, supervisors, then region by region: managers, reps, office.
  const order: Role[] = ['manager', 'rep', 'office'];
  const byRegion = regions.flatMap((region) =>
    order.flatMap((role) => roster.people.filter((p) => p.region === region.id && p.role === role)),
  );
  const people = [head, ...supervisors, ...byRegion];

  return {
    regions: regions.map((r) => ({ ...r, manager: managers.get(r.id) ?? '' })),
    people,
    head,
    supervisors,
    leaders,
    leaderShort,
  };
}

/** People of a region with one of the roles who are active on some day of [from, to]. */
export function activeIn(
  org: Org,
  region: string | undefined,
  roles: readonly Role[],
  from: number,
  to: number,
): Person[] {
  return org.people.filter(
    (p) =>
      (region === undefined || p.region === region) && roles.includes(p.role) && p.from <= to && p.to >= from,
  );
}
