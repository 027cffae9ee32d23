/**
 * The values the portal sets itself (fields with `system` in the model, R16), computed the same way by the
 * submission gate, which is the authority, and by the admin page, which only previews them so that the form's
 * own checks pass:
 *
 * - `created` (投稿时间, 提交时间, 会前申请时间, a work-log row's 填写时间): the time of the first save, kept ever
 *   after;
 * - `memo` (备忘备案时间): the time of the first save with a non-empty body, kept ever after;
 * - `saver` (保存人): who saved this version;
 * - `changed` (a work-log row's 最后修改时间): the last save that changed the row, its late fields (the next
 *   day's 完成情况) and its own times aside; absent while the row is as first filed.
 *
 * Rows of a keyed list (a work log's `days`, key `date`) carry their own times: a row is matched to the stored
 * row with the same key, so each day's 填写时间 is the first save of that day's row, whatever else is saved later.
 *
 * `previous` is the entry as stored before this save (undefined for a new one). Whatever `data` says for these
 * fields is ignored: a browser cannot backdate a submission. And a time certifies one thing: when an edit
 * changes what the entry is (a report's kind, period or author; a meeting's start, kind, region or organiser;
 * an article's author or region; a work log's person or month), its times are stamped anew, row times too, so
 * an old entry cannot be recycled as a new one.
 */
import type { Collection, Field, ObjectListField } from '../model/field.ts';
import { formatDateTime } from '../model/time.ts';
import type { Temporal } from 'temporal-polyfill';
import { prune } from './files.ts';

type Data = Record<string, unknown>;

/** What each collection's times certify: changing any of these is a new submission as far as time goes. */
export const CERTIFIED: Readonly<Record<string, readonly string[]>> = {
  articles: ['author', 'region'],
  reports: ['kind', 'period', 'author'],
  meetings: ['start', 'kind', 'region', 'organizer'],
  worklogs: ['person', 'month'],
};

/** Whether the edit from `previous` to `data` changes what the entry's times certify. */
export function changesWhatTimesCertify(c: Collection, data: Data, previous: Data): boolean {
  return (CERTIFIED[c.name] ?? []).some((key) => JSON.stringify(data[key]) !== JSON.stringify(previous[key]));
}

const hasBody = (data: Data) => typeof data.body === 'string' && data.body.trim() !== '';

const isData = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as JSON with its keys sorted and empty values left out: equal exactly when the content is. */
function canonical(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : isData(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted(v[k])]),
          )
        : v;
  return JSON.stringify(sorted(prune(value)) ?? null);
}

/** Whether a row's content, its system fields and the fields filled in later left out, differs from before. */
function rowChanged(list: ObjectListField, row: Data, before: Data): boolean {
  const ignored = new Set([
    ...list.fields.filter((f) => f.system).map((f) => f.name),
    ...(list.lateFields ?? []),
  ]);
  const content = (r: Data) => Object.fromEntries(Object.entries(r).filter(([k]) => !ignored.has(k)));
  return canonical(content(row)) !== canonical(content(before));
}

/** The rows of a keyed list, each stamped against the stored row with the same key (a new row has none). */
function stampRows(
  list: ObjectListField,
  rows: unknown[],
  stored: unknown,
  now: Temporal.Instant,
  saver?: string,
) {
  const key = list.key!;
  const before = new Map<unknown, Data>();
  for (const row of Array.isArray(stored) ? stored : [])
    if (isData(row) && row[key] !== undefined && !before.has(row[key])) before.set(row[key], row);
  return rows.map((row) => {
    if (!isData(row)) return row;
    const old = before.get(row[key]);
    return stamp(list.fields, row, old, now, saver, old ? rowChanged(list, row, old) : false);
  });
}

/**
 * `data` with the system fields of `fields` set: `kept` is the stored record whose times still hold (undefined
 * for a new one), `changed` whether this save changes its content (for `changed` stamps).
 */
function stamp(
  fields: readonly Field[],
  data: Data,
  kept: Data | undefined,
  now: Temporal.Instant,
  saver: string | undefined,
  changed: boolean,
): Data {
  const system = fields.filter((f) => f.system);
  const out: Data = Object.fromEntries(
    Object.entries(data).filter(([key]) => !system.some((f) => f.name === key)),
  );
  for (const f of fields)
    if (f.type === 'objects' && f.key && Array.isArray(out[f.name]))
      out[f.name] = stampRows(f, out[f.name] as unknown[], kept?.[f.name], now, saver);
  for (const f of system) {
    const old = kept?.[f.name];
    const has = old !== undefined && old !== '';
    const value =
      f.system === 'saver'
        ? saver
        : f.system === 'changed'
          ? changed
            ? formatDateTime(now)
            : has
              ? old
              : undefined
          : has
            ? old
            : f.system === 'created' || hasBody(data)
              ? formatDateTime(now)
              : undefined;
    if (value !== undefined) out[f.name] = value;
  }
  return out;
}

/** `data` with every system field replaced by the portal's own value (absent where it has none). */
export function withSystemFields(
  c: Collection,
  data: Data,
  previous: Data | undefined,
  now: Temporal.Instant,
  saver: string | undefined,
): Data {
  const kept = previous && !changesWhatTimesCertify(c, data, previous) ? previous : undefined;
  // An entry as a whole has no `changed` stamp (no collection declares one); its rows do.
  return stamp(c.fields, data, kept, now, saver, false);
}
