/**
 * Teams of the reps and the extra telesales staff of a benchmark. Both draw from streams of their own, so the
 * roster's other fields and every other entry stay as they were.
 */
import { GIVEN_DOUBLE, GIVEN_SINGLE, SURNAMES } from './corpus/names.ts';
import type { Rng } from './random.ts';
import type { Timeline } from './timeline.ts';
import type { Org, Person } from './types.ts';
import { LOG_ROLES } from './worklogs.ts';

/** Share of reps who sell by phone (电话销售) rather than visit (外勤推广). */
const TELESALES_SHARE = 0.25;

/**
 * Gives every rep a team: about a quarter telesales, at least one in each region with three reps or more. The
 * first rep of the first region, the docs' example (徐宁), visits.
 */
export function assignTeams(rng: Rng, org: Org): void {
  org.regions.forEach((region, index) => {
    const reps = org.people.filter((p) => p.role === 'rep' && p.region === region.id);
    for (const rep of reps) rep.team = rng.chance(TELESALES_SHARE) ? 'telesales' : 'field';
    const example = index === 0 ? reps[0] : undefined;
    if (example) example.team = 'field';
    const last = reps[reps.length - 1];
    if (last && reps.length >= 3 && !reps.some((p) => p.team === 'telesales')) last.team = 'telesales';
  });
}

/**
 * Telesales staff added until `wanted` log keepers are on the roster on the range's last day (the benchmark's
 * 300 people), spread over the regions; they joined before the range and stay.
 */
export function extraStaff(rng: Rng, tl: Timeline, org: Org, wanted: number): Person[] {
  const active = org.people.filter(
    (p) => LOG_ROLES.includes(p.role) && p.from <= tl.endIdx && p.to >= tl.endIdx,
  ).length;
  const ids = new Set(org.people.map((p) => p.id));
  const weights = SURNAMES.map((s) => s[2]);
  const extra: Person[] = [];
  for (let i = 0; i < wanted - active; i++) {
    const region = org.regions[i % org.regions.length];
    if (!region) break;
    const [surname, sp] = rng.weighted(SURNAMES, weights);
    const [given, gp] = rng.chance(0.45) ? rng.pick(GIVEN_SINGLE) : rng.pick(GIVEN_DOUBLE);
    let id = sp + gp;
    for (let n = 2; ids.has(id); n++) id = `${sp}${gp}${n}`;
    ids.add(id);
    const from = tl.startIdx - rng.int(30, 1500);
    extra.push({
      id,
      name: surname + given,
      role: 'rep',
      region: region.id,
      team: 'telesales',
      joined: tl.isoAt(from),
      from,
      to: Infinity,
    });
  }
  return extra;
}
