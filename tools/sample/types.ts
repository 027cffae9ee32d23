/** Shared shapes of the sample generator. */
import type { RegionSeed } from './corpus/places.ts';
import type { Rng } from './random.ts';
import type { Timeline } from './timeline.ts';
import type { LogRow } from './worklogs.ts';

export type Role = 'head' | 'manager' | 'supervisor' | 'rep' | 'office';
export type Team = 'field' | 'telesales';

export interface Person {
  id: string;
  name: string;
  role: Role;
  region?: string;
  /** 外勤推广 or 电话销售: which quotas apply to a rep. */
  team?: Team;
  joined: string;
  left?: string;
  /** First and last active day as timeline indexes (`to` is Infinity while still employed). */
  from: number;
  to: number;
}

export interface Region {
  id: string;
  name: string;
  /** Id of the manager at the end of the covered range. */
  manager: string;
  seed: RegionSeed;
  hospitals: readonly string[];
  /** Relative market size, scales targets and figures. */
  size: number;
}

export interface Org {
  regions: Region[];
  people: Person[];
  head: Person;
  supervisors: Person[];
  /** Invited company leaders, as written in meetings: 王总（营销副总）. */
  leaders: string[];
  /** The same leaders as named in running text: 王总. */
  leaderShort: string[];
}

/** How much of everything the sample holds, derived from the scale. */
export interface Plan {
  regionCount: number;
  repsPerRegion: number;
  officePerRegion: number;
  supervisorCount: number;
  /** Means per region and month. */
  articles: number;
  meetings: number;
  daily: number;
  /** Multiplier of the department-wide meetings. */
  dept: number;
}

/** A monthly or quarterly meeting moved by org/calendar.yaml. */
export interface Override {
  kind: 'monthly' | 'quarterly';
  period: string;
  /** Start time (timeline seconds). */
  start: number;
}

export interface Ctx {
  rng: Rng;
  tl: Timeline;
  org: Org;
  plan: Plan;
  overrides: Override[];
  /** Slugs taken so far, across all collections. */
  slugs: Set<string>;
  /** Work-log rows by `<person id>/<day index>`, for the 晨会记录 (empty when no logs are generated). */
  logs?: ReadonlyMap<string, LogRow>;
}

export interface Entry {
  collection: 'articles' | 'meetings' | 'reports';
  slug: string;
  /** Year folder. */
  year: number;
  text: string;
}
