/**
 * Who may read and write what through the CMS, as data. The gate asks these functions on every request; the
 * admin page only ever sees what they allow (a rep's browser never receives another person's report).
 *
 * A scope says whose entries an action covers: `own` (the entry's person — author or organiser — is you),
 * `region` (the entry's person is of your region on the roster; an entry whose person has no region, such as
 * the head's, by the entry's own region), `all`, or `none`.
 */
import type { Person } from '../model/index.ts';
import type { Role } from '../model/options.ts';

export type Scope = 'none' | 'own' | 'region' | 'all';

export interface Rights {
  /** Create and edit articles, minutes and reports (also: withdraw their drafts). */
  readonly write: Scope;
  /**
   * Read reports (工作汇报) and work logs (工作日志) in the CMS: they hold figures and customers' names.
   * Articles and minutes are read by all staff on the site anyway.
   */
  readonly readReports: Scope;
  /** Mark drafts ready and publish them to the site. */
  readonly publish: Scope;
  /** Edit the roster, the regions and the calendar. */
  readonly org: boolean;
  /**
   * Delete a published image that nothing refers to any more, by the person its name says uploaded it.
   * Uploading needs no right of its own: an image is saved with the draft it is inserted into (`write`).
   */
  readonly deleteMedia: Scope;
}

/** The collections read by the `readReports` scope rather than by all staff. */
export const RESTRICTED_READING: ReadonlySet<string> = new Set(['reports', 'worklogs']);

/** Administrators: everything. Not a roster role: named in the gate's configuration (PORTAL_GATE_ADMINS). */
const EVERYTHING: Rights = {
  write: 'all',
  readReports: 'all',
  publish: 'all',
  org: true,
  deleteMedia: 'all',
};

/** The department's roles (content/org/people.yaml) and what each may do. */
export const RIGHTS: Readonly<Record<Role, Rights>> = {
  rep: { write: 'own', readReports: 'own', publish: 'none', org: false, deleteMedia: 'own' },
  office: { write: 'own', readReports: 'own', publish: 'none', org: false, deleteMedia: 'own' },
  supervisor: { write: 'own', readReports: 'own', publish: 'none', org: false, deleteMedia: 'own' },
  manager: {
    write: 'region',
    readReports: 'region',
    publish: 'region',
    org: false,
    deleteMedia: 'region',
  },
  head: EVERYTHING,
};

/** The person behind a request. */
export interface User {
  /** Roster id (or `local` for the owner of an `npm start` machine). */
  id: string;
  name: string;
  region?: string;
  rights: Rights;
}

/** The owner of the machine `npm start` runs on: they have the repository anyway. */
export const LOCAL_ADMIN: User = { id: 'local', name: '本机管理员', rights: EVERYTHING };

/** A roster person as a user; `admin` when the gate's configuration names them an administrator. */
export function userOf(person: Person, admin: boolean): User {
  return {
    id: person.id,
    name: person.name,
    ...(person.region ? { region: person.region } : {}),
    rights: admin ? EVERYTHING : RIGHTS[person.role],
  };
}

/** What the rights look at in an entry: its person and its region (a meeting may have none). */
export interface Owned {
  person?: unknown;
  region?: unknown;
}

/**
 * Whether `scope` covers `entry` for `user`. `regionOf` gives a person's region, for entries without one of
 * their own (a department meeting organised by someone of the region).
 */
export function covers(
  scope: Scope,
  user: User,
  entry: Owned,
  regionOf: (person: string) => string | undefined,
): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'own':
      return entry.person === user.id;
    case 'region': {
      if (entry.person === user.id) return true;
      if (!user.region) return false;
      // The roster decides, not the entry's own field: a rep cannot move a report out of their manager's sight.
      const personRegion = typeof entry.person === 'string' ? regionOf(entry.person) : undefined;
      const region = personRegion ?? (typeof entry.region === 'string' ? entry.region : undefined);
      return region === user.region;
    }
  }
}
