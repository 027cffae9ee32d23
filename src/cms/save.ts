/**
 * What happens to an entry just before the CMS saves it (Decap's `preSave` event), kept free of Decap so that
 * it runs in unit tests:
 *
 * - System times (R16), as a preview only: the submission gate (src/gate/) sets them from its own clock and
 *   ignores what the browser sends (src/cms/system-fields.ts says how).
 * - A new entry gets its file name: `2026/2026-10-12-zhangwei-093015` (Beijing date, person, time to the
 *   second). Decap adds `-1` if that name is taken, so two submissions never overwrite each other. A work log
 *   is named for its month and person (`2026/2026-11-zhangwei`): a second one of that month gets `-1` from
 *   Decap, which the gate refuses, naming the log that exists.
 * - The entry is checked with the zod schema the build uses, so that the form refuses what the build would
 *   reject, including rules across fields that Decap's own checks cannot express.
 */
import type { Temporal } from 'temporal-polyfill';
import { FILE_KEYS, isHelperKey, personField } from '../model/cms.ts';
import { COLLECTIONS } from '../model/collections/index.ts';
import type { Collection, Field } from '../model/field.ts';
import { collectionSchema } from '../model/schema.ts';
import { inShanghai } from '../model/time.ts';
import { labelForPath } from '../load/problems.ts';
import { prune } from './files.ts';
import { withSystemFields } from './system-fields.ts';

type Data = Record<string, unknown>;

export interface Prepared {
  /** Fields to set on the entry before it is written. */
  set: Data;
  /** What the build would reject, one Chinese line each; the save is refused when there is any. */
  problems: string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Collections kept as one file a person a month (`2026/2026-11-xuning`), by the field that holds the month:
 * a work log is added to day by day, so its name says whose month it is rather than when it was begun.
 */
export const MONTHLY_NAMES: Readonly<Record<string, string>> = { worklogs: 'month' };

/** `2026-11-xuning` and `2026` for a monthly file, or undefined while the month is not a month. */
export function monthlyName(person: string, month: unknown): { slug: string; year: string } | undefined {
  if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return undefined;
  return { slug: `${month}-${person}`, year: month.slice(0, 4) };
}

/** `2026-10-12-zhangwei-093015` and `2026` for a new entry saved at `now`. */
export function fileName(person: string, now: Temporal.Instant): { slug: string; year: string } {
  const t = inShanghai(now);
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  return { slug: `${date}-${person}-${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`, year: pad(t.year, 4) };
}

/** The records the schema checks: front matter, each roster entry, or the calendar. */
function records(c: Collection, data: Data): { path: (string | number)[]; value: unknown }[] {
  switch (c.storage.kind) {
    case 'markdown': {
      const front = Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'body' && !isHelperKey(k)));
      return [{ path: [], value: prune(front) }];
    }
    case 'yaml-list': {
      const items = prune(data[c.name] ?? []) as unknown[];
      return items.map((value, i) => ({ path: [i], value }));
    }
    case 'yaml-object':
      return [{ path: [], value: prune(data) }];
  }
}

/** Every problem the build's schema finds, as `period（汇报周期）：ISO 周 “2025-W53” 不存在`. */
export function check(c: Collection, data: Data): string[] {
  const schema = collectionSchema(c);
  return records(c, data).flatMap(({ path, value }) => {
    const result = schema.safeParse(value);
    if (result.success) return [];
    return result.error.issues.map((issue) => {
      const where = [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
      const label = labelForPath(c, where);
      const key = where.length > 0 ? `${where.join('.')}${label ? `（${label}）` : ''}：` : '';
      return `${key}${issue.message}`;
    });
  });
}

/** What to set on an entry of collection `name` before saving it at `now`, and what is wrong with it. */
export function prepareSave(name: string, data: Data, isNew: boolean, now: Temporal.Instant): Prepared {
  const c = COLLECTIONS.find((x) => x.name === name) as Collection | undefined;
  if (!c) return { set: {}, problems: [] };
  // A preview of what the gate will set: the gate ignores these values and sets its own.
  const saver = typeof data.savedBy === 'string' ? data.savedBy : undefined;
  const full = withSystemFields(c, data, isNew ? undefined : data, now, saver);
  const set: Data = {};
  for (const f of c.fields as readonly Field[])
    if (f.system && full[f.name] !== undefined && full[f.name] !== data[f.name]) set[f.name] = full[f.name];
  if (isNew && c.storage.kind === 'markdown') {
    const person = data[personField(c).name];
    const who = typeof person === 'string' ? person : 'unknown';
    const monthly = c.name in MONTHLY_NAMES ? monthlyName(who, data[MONTHLY_NAMES[c.name]!]) : undefined;
    const { slug, year } = monthly ?? fileName(who, now);
    set[FILE_KEYS.slug] = slug;
    set[FILE_KEYS.year] = year;
  }
  return { set, problems: check(c, { ...data, ...set }) };
}
