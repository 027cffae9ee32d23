/**
 * The roster's public names for the admin page: the preview shows 徐宁（业务代表） and 华东区 where the form holds
 * `xuning` and `east`. The admin page embeds them at build time (a data attribute), as every article page
 * already prints them; logins and dates of joining and leaving stay out.
 */
import type { Person, Region } from '../model/index.ts';
import { makeDirectory } from '../site/directory.ts';
import type { PreviewNames } from './preview-view.ts';

export interface PublicRoster {
  regions: { id: string; name: string }[];
  people: { id: string; name: string; role: string }[];
}

/** Only the fields a page prints: ids, names and roles. */
export function publicRoster(
  regions: readonly { data: Region }[],
  people: readonly { data: Person }[],
): PublicRoster {
  return {
    regions: regions.map(({ data: { id, name } }) => ({ id, name })),
    people: people.map(({ data: { id, name, role } }) => ({ id, name, role })),
  };
}

/** The embedded roster, or an empty one (ids then show as ids) when the page carries none or garbage. */
export function readRoster(json: string | undefined): PublicRoster {
  try {
    const value = JSON.parse(json ?? '') as Partial<PublicRoster>;
    if (Array.isArray(value.regions) && Array.isArray(value.people))
      return { regions: value.regions, people: value.people };
  } catch {
    // An admin page without the attribute: fall through to the empty roster.
  }
  return { regions: [], people: [] };
}

/** The site's own name lookups (src/site/directory.ts) over the public roster. */
export function rosterNames(roster: PublicRoster): PreviewNames {
  // makeDirectory's name lookups read id, name and role only, which is all the public roster has.
  return makeDirectory(
    roster.regions.map((data) => ({ data: data as Region })),
    roster.people.map((data) => ({ data: data as Person })),
  );
}

/** The names of the roster the admin page carries in its `data-roster` attribute. */
export function embeddedNames(body: HTMLElement): PreviewNames {
  return rosterNames(readRoster(body.dataset.roster));
}
