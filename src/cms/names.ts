/**
 * People and regions by name in the admin (issue 11): what the lists, the workflow board and the pickers show
 * for a roster id (徐宁（华东区）, 华东区) and how a picker's search matches a person (Chinese, full pinyin or
 * initials). Free of Decap and of the browser, so that it runs in unit tests; src/cms/names-admin.ts wires it
 * into the admin page.
 *
 * Only `id`, `name`, `region` and `left` of the roster are read: the private fields (mobile, chat ids) that
 * the gate strips for non-administrators are never needed.
 */
import type { match } from 'pinyin-pro';
import type { Temporal } from 'temporal-polyfill';
import { DERIVED_TITLES, shownKey, TITLE_KEY } from '../model/cms.ts';
import { worklogTitle } from '../model/worklog.ts';
import type { Collection, Field } from '../model/field.ts';
import { labelOf } from '../model/options.ts';
import { parseDate } from '../model/time.ts';

/** What the admin needs of a person on the roster. */
export interface NamedPerson {
  id: string;
  name: string;
  region?: string;
  left?: string;
}

/** What the admin needs of a region. */
export interface NamedRegion {
  id: string;
  name: string;
}

/** The roster as read from people.yaml and regions.yaml (through the gate, without private fields). */
export interface RosterLists {
  people: readonly unknown[];
  regions: readonly unknown[];
}

/** A roster id as a person reads it: the label, and for people the name alone for searching. */
export interface Named {
  label: string;
  name: string;
  /** Has left the department (the day after 离职日期, as the gate counts it): listed last, marked. */
  left: boolean;
}

/** Every person's and region's label by id. */
export interface Names {
  people: ReadonlyMap<string, Named>;
  regions: ReadonlyMap<string, Named>;
}

/** A non-empty string, or undefined: what a roster field read from YAML is worth. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The objects of a roster list (people.yaml, regions.yaml), whatever else a hand edit left in it. */
export function records(list: readonly unknown[]): Record<string, unknown>[] {
  return list.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
}

/**
 * Whether a person has left by `today` (a Beijing date): the day of 离职日期 still counts as on the roster,
 * as for logging in to the gate (src/gate/identity.ts).
 */
export function hasLeft(left: string | undefined, today: Temporal.PlainDate): boolean {
  const date = left === undefined ? undefined : parseDate(left);
  return date !== undefined && today.until(date).sign < 0;
}

/** Labels for the roster on `today`: 徐宁（华东区）, 何建国 (no region), 高萍（华南区，已离职）. */
export function namesOf(roster: RosterLists, today: Temporal.PlainDate): Names {
  const regions = new Map<string, Named>();
  for (const r of records(roster.regions)) {
    const id = text(r.id);
    const name = text(r.name);
    if (id && name) regions.set(id, { label: name, name, left: false });
  }
  const people = new Map<string, Named>();
  for (const p of records(roster.people)) {
    const id = text(p.id);
    const name = text(p.name);
    if (!id || !name) continue;
    const regionId = text(p.region);
    const left = hasLeft(text(p.left), today);
    const notes = [
      regionId ? (regions.get(regionId)?.name ?? regionId) : undefined,
      left ? '已离职' : undefined,
    ];
    const note = notes.filter(Boolean).join('，');
    people.set(id, { label: note ? `${name}（${note}）` : name, name, left });
  }
  return { people, regions };
}

/** The label of a reference to `collection`, or the id itself when the roster does not have it. */
export function labelOfRef(names: Names, collection: 'people' | 'regions', id: string): string {
  return names[collection].get(id)?.label ?? id;
}

/**
 * pinyin-pro's `match`: the admin page imports the library (its dictionary is about 280 KB) only when a
 * person first types Latin letters into a picker.
 */
export type PinyinMatch = typeof match;

/** What a person typed into a picker, ready to compare: no spaces, lower case. */
const normal = (query: string) => query.replace(/\s+/g, '').toLowerCase();

/**
 * Whether a picker's search `query` finds `named` (whose roster id is `id`): part of the label in Chinese
 * (徐宁, 华东区), or the name's pinyin from its first character — full (xuning), initials (xn) or mixed
 * (xuning, xun, xning). Every reading of a character counts, so polyphonic surnames (单 shan, 曾 zeng,
 * 解 xie) are found by the reading a person uses (pinyin-pro's `match`, passed as `pinyin`). The roster id
 * (full pinyin, as the roster's hint asks) is matched too, for characters the dictionary lacks.
 */
export function matches(query: string, named: Named, id: string, pinyin?: PinyinMatch): boolean {
  const q = normal(query);
  if (q === '') return true;
  if (normal(named.label).includes(q)) return true;
  if (!/^[a-z]+$/.test(q)) return false;
  if (id.toLowerCase().startsWith(q)) return true;
  const found = pinyin?.(named.name, q, { precision: 'start', continuous: true });
  return found?.[0] === 0;
}

/** A work log's 日工作计划与日志2611-徐宁, by the person's name alone; empty until month and person are set. */
function titleOf(data: Record<string, unknown>, names: Names): string {
  const { month, person } = data;
  if (typeof month !== 'string' || typeof person !== 'string' || !month || !person) return '';
  return worklogTitle(month, names.people.get(person)?.name ?? person);
}

/**
 * The display keys of an entry of `collection` (`_shown_author: 徐宁（华东区）`…), for the lists' summary
 * templates; they never reach the file (src/model/cms.ts, isHelperKey).
 */
export function shownValues(
  collection: Collection,
  data: Record<string, unknown>,
  names: Names,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of collection.fields as readonly Field[]) {
    const raw = data[field.name];
    // Empty too, so that a name does not outlive a value removed in the editor.
    const value = typeof raw === 'string' ? raw : '';
    if (field.type === 'ref') out[shownKey(field.name)] = value && labelOfRef(names, field.collection, value);
    else if (field.type === 'select') out[shownKey(field.name)] = value && labelOf(field.options, value);
  }
  if (DERIVED_TITLES.has(collection.name)) out[TITLE_KEY] = titleOf(data, names);
  return out;
}
