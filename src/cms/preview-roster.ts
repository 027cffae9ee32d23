/**
 * The roster's names for the preview: it shows 徐宁（业务代表） and 华东区 where the form holds `xuning` and
 * `east`, with the site's own lookups (src/site/directory.ts). Fed from the same read of the roster as the
 * pickers (src/cms/names-admin.ts `loadRoster`); only ids, names and roles are taken, as every article page
 * already prints them.
 */
import type { Person, Region } from '../model/index.ts';
import { makeDirectory } from '../site/directory.ts';
import { records, text, type RosterLists } from './names.ts';
import type { PreviewNames } from './preview-view.ts';

/** The records of `list` that have a string id and name, with only the keys in `keys`. */
function pick<K extends string>(list: readonly unknown[], keys: readonly K[]): Record<K, string>[] {
  return records(list)
    .filter((r) => text(r.id) && text(r.name))
    .map((r) => Object.fromEntries(keys.map((k) => [k, String(r[k] ?? '')])) as Record<K, string>);
}

/** The site's name lookups over the roster's ids, names and roles. */
export function previewNames(roster: RosterLists): PreviewNames {
  // makeDirectory's name lookups read id, name and role only.
  return makeDirectory(
    pick(roster.regions, ['id', 'name']).map((data) => ({ data: data as unknown as Region })),
    pick(roster.people, ['id', 'name', 'role']).map((data) => ({ data: data as unknown as Person })),
  );
}
