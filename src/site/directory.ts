/** Lookups in the roster: names, roles and regions of the ids that entries refer to. */
import type { Temporal } from 'temporal-polyfill';
import type { Person, Region } from '../model/index.ts';
import { ROLES, ROLE_ORDER, labelOf } from '../model/options.ts';
import { parseDate } from '../model/time.ts';
import { compareCodePoints } from '../rules/counting.ts';

/** What a meeting without a region belongs to. */
export const DEPARTMENT_WIDE = '全部门';

export interface Directory {
  readonly regions: readonly Region[];
  /** Region ids in file order: the order issues and lists follow. */
  readonly regionIds: readonly string[];
  readonly people: readonly Person[];
  person(id: string): Person | undefined;
  region(id: string): Region | undefined;
  /** `张伟`, or the id when the roster does not know it (the loader checks references, so this is a fallback). */
  personName(id: string): string;
  /** `张伟（销售经理）`. */
  personWithRole(id: string): string;
  /** `华东区`; `全部门` for no region. */
  regionName(id: string | undefined): string;
}

/** `销售经理` for `manager`. */
export function roleLabel(role: string): string {
  return labelOf(ROLES, role);
}

/**
 * A directory over the roster. Takes collection entries (`getCollection('regions')`) as they come, so a page
 * builds one in a single line.
 */
export function makeDirectory(
  regionEntries: readonly { data: Region }[],
  peopleEntries: readonly { data: Person }[],
): Directory {
  const regions = regionEntries.map((e) => e.data);
  const people = peopleEntries.map((e) => e.data);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const regionsById = new Map(regions.map((r) => [r.id, r]));
  const person = (id: string) => peopleById.get(id);
  return {
    regions,
    regionIds: regions.map((r) => r.id),
    people,
    person,
    region: (id) => regionsById.get(id),
    personName: (id) => person(id)?.name ?? id,
    personWithRole(id) {
      const p = person(id);
      return p ? `${p.name}（${roleLabel(p.role)}）` : id;
    },
    regionName: (id) => (id === undefined ? DEPARTMENT_WIDE : (regionsById.get(id)?.name ?? id)),
  };
}

/** Whether a person is on the roster on a Beijing day: from `joined` to `left`, both inclusive. */
export function isActive(person: Person, day: Temporal.PlainDate): boolean {
  const joined = parseDate(person.joined);
  const left = person.left === undefined ? undefined : parseDate(person.left);
  if (!joined || joined.until(day).days < 0) return false;
  return !left || day.until(left).days >= 0;
}

/** One region on the regions page: its record, how many people are active and how many articles it has. */
export interface RegionSummary {
  region: Region;
  members: number;
  articles: number;
}

/** Every region in file order with its active head count on `day` and its article count. */
export function regionSummaries(
  directory: Directory,
  articles: readonly { data: { region: string } }[],
  day: Temporal.PlainDate,
): RegionSummary[] {
  return directory.regions.map((region) => ({
    region,
    members: activeMembers(directory.people, region.id, day).length,
    articles: articles.filter((a) => a.data.region === region.id).length,
  }));
}

/** A region's active people on a day, by role (as the model lists roles) and then by id. */
export function activeMembers(
  people: readonly Person[],
  regionId: string,
  day: Temporal.PlainDate,
): Person[] {
  return people
    .filter((p) => p.region === regionId && isActive(p, day))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || compareCodePoints(a.id, b.id));
}
