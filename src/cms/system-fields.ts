/**
 * The values the portal sets itself (fields with `system` in the model, R16), computed the same way by the
 * submission gate, which is the authority, and by the admin page, which only previews them so that the form's
 * own checks pass:
 *
 * - `created` (投稿时间, 提交时间, 会前申请时间): the time of the first save, kept ever after;
 * - `memo` (备忘备案时间): the time of the first save with a non-empty body, kept ever after;
 * - `saver` (保存人): who saved this version.
 *
 * `previous` is the entry as stored before this save (undefined for a new one). Whatever `data` says for these
 * fields is ignored: a browser cannot backdate a submission. And a time certifies one thing: when an edit
 * changes what the entry is (a report's kind, period or author; a meeting's start, kind, region or organiser;
 * an article's author or region), its times are stamped anew, so an old entry cannot be recycled as a new one.
 */
import type { Collection, Field } from '../model/field.ts';
import { formatDateTime } from '../model/time.ts';
import type { Temporal } from 'temporal-polyfill';

type Data = Record<string, unknown>;

/** What each collection's times certify: changing any of these is a new submission as far as time goes. */
export const CERTIFIED: Readonly<Record<string, readonly string[]>> = {
  articles: ['author', 'region'],
  reports: ['kind', 'period', 'author'],
  meetings: ['start', 'kind', 'region', 'organizer'],
};

/** Whether the edit from `previous` to `data` changes what the entry's times certify. */
export function changesWhatTimesCertify(c: Collection, data: Data, previous: Data): boolean {
  return (CERTIFIED[c.name] ?? []).some((key) => JSON.stringify(data[key]) !== JSON.stringify(previous[key]));
}

const hasBody = (data: Data) => typeof data.body === 'string' && data.body.trim() !== '';

/** `data` with every system field replaced by the portal's own value (absent where it has none). */
export function withSystemFields(
  c: Collection,
  data: Data,
  previous: Data | undefined,
  now: Temporal.Instant,
  saver: string | undefined,
): Data {
  const system = (c.fields as readonly Field[]).filter((f) => f.system);
  const kept = previous && !changesWhatTimesCertify(c, data, previous) ? previous : undefined;
  const out: Data = Object.fromEntries(
    Object.entries(data).filter(([key]) => !system.some((f) => f.name === key)),
  );
  for (const f of system) {
    const old = kept?.[f.name];
    const value =
      f.system === 'saver'
        ? saver
        : old !== undefined && old !== ''
          ? old
          : f.system === 'created' || hasBody(data)
            ? formatDateTime(now)
            : undefined;
    if (value !== undefined) out[f.name] = value;
  }
  return out;
}
