/**
 * generateSample: the whole sample content as a map from path (relative to content/) to file text.
 * Pure and deterministic: no I/O, no clock, no Math.random — the same options give byte-identical files.
 */
import { generateArticles } from './articles.ts';
import { toYaml } from '../../src/load/yaml-write.ts';
import { entryPath } from './markdown.ts';
import { generateMeetings } from './meetings.ts';
import { buildOrg } from './org.ts';
import { Rng } from './random.ts';
import { generateReports } from './reports.ts';
import { buildOverrides } from './schedule.ts';
import { Timeline } from './timeline.ts';
import { BASE_REGIONS, EXTRA_REGIONS } from './corpus/places.ts';
import { HOLIDAYS, WORKDAYS, WorkCalendar } from './holidays.ts';
import { generateMaterials } from './materials.ts';
import { assignTeams, extraStaff } from './staff.ts';
import { generateWorklogs, type Worklog } from './worklogs.ts';
import type { Ctx, Entry, Org, Person, Plan } from './types.ts';

export interface SampleOptions {
  seed: string;
  /** Last day included, YYYY-MM-DD. */
  end: string;
  /** Number of calendar months covered, ending with the month of `end`. */
  months: number;
  /** Multiplies the number of entries (default 1: roughly 1,000 entries a year). */
  scale?: number;
  /** How many of the last months get work logs (default 12; 0 for none). */
  worklogMonths?: number;
  /**
   * Log keepers on the roster on the last day: telesales staff are added up to this number (the benchmark's
   * 300 people). Default: the roster as the scale makes it, nobody added.
   */
  worklogPeople?: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Entries per region and month at scale 1, and the share of them that does not depend on the scale. */
const PER_REGION_MONTH = 13.4;
const MANAGER_REPORTS = 6.1;
const DEPT_MEETINGS = 10;

/** How many regions, people and entries a scale means. */
export function planFor(scale: number): Plan {
  const s = scale;
  const regionCount = clamp(
    Math.round(7 * s ** 0.45),
    BASE_REGIONS.length,
    BASE_REGIONS.length + EXTRA_REGIONS.length,
  );
  const dept = Math.min(Math.max(s, 0.3), 2.5);
  // What is left per region and month once the managers' reports and department meetings are counted.
  const target = s * BASE_REGIONS.length * PER_REGION_MONTH;
  const free = Math.max(1.5, (target - regionCount * MANAGER_REPORTS - DEPT_MEETINGS * dept) / regionCount);
  return {
    regionCount,
    repsPerRegion: clamp(Math.round(4 * s ** 0.35), 4, 12),
    officePerRegion: s >= 2.5 ? 2 : 1,
    supervisorCount: 3 + Math.floor((regionCount - BASE_REGIONS.length) / 6),
    articles: Math.max(1.1, 0.31 * free),
    meetings: Math.max(1.1, 0.26 * free),
    daily: 0.43 * free,
    dept,
  };
}

export interface Sample {
  files: Map<string, string>;
  /** `reports` counts the contract's report kinds, `materials` the required materials of 第五篇 二 (not entries). */
  counts: {
    org: number;
    articles: number;
    meetings: number;
    reports: number;
    materials: number;
    worklogs: number;
    worklogDays: number;
  };
}

export function generateSampleWithCounts(options: SampleOptions): Sample {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error(`scale must be positive: ${scale}`);
  const tl = new Timeline(options.end, options.months);
  const rng = new Rng(`sales-portal-sample/${options.seed}`);
  const plan = planFor(scale);
  const org = buildOrg(rng.fork('org'), tl, plan);
  assignTeams(rng.fork('teams'), org);
  const ctx: Ctx = { rng, tl, org, plan, overrides: buildOverrides(tl), slugs: new Set() };
  // Extra staff keep logs and file materials but are nobody's colleague in the other entries, which stay as
  // the scale makes them.
  const extra = extraStaff(rng.fork('extra-staff'), tl, org, options.worklogPeople ?? 0);
  const staff = [...org.people, ...extra];
  const cal = new WorkCalendar();
  const worklogs = generateWorklogs(ctx, { cal, months: options.worklogMonths ?? 12, people: staff });
  ctx.logs = worklogs.index;

  const files = new Map<string, string>();
  files.set(
    'org/regions.yaml',
    toYaml(org.regions.map((r) => ({ id: r.id, name: r.name, manager: r.manager }))),
  );
  files.set('org/people.yaml', toYaml(rosterOrder(org, extra).map(personRecord)));
  files.set(
    'org/calendar.yaml',
    toYaml({
      meetings: ctx.overrides.map((o) => ({ kind: o.kind, period: o.period, start: tl.stamp(o.start) })),
      holidays: HOLIDAYS,
      workdays: WORKDAYS,
    }),
  );

  const articles = generateArticles(ctx);
  const meetings = generateMeetings(ctx);
  const reports = generateReports(ctx);
  // The extra staff keep logs only: their materials would be entries beyond the `--entries` asked for.
  const materials = generateMaterials(ctx, { people: org.people, visits: visitsByMonth(worklogs.logs) });
  const add = (entries: Entry[]) => {
    const sorted = entries.slice().sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    for (const e of sorted) files.set(entryPath(e), e.text);
  };
  add(articles);
  add(meetings);
  add(reports);
  add(materials);
  for (const log of worklogs.logs) files.set(log.path, log.text);
  return {
    files,
    counts: {
      org: 3,
      articles: articles.length,
      meetings: meetings.length,
      reports: reports.length,
      materials: materials.length,
      worklogs: worklogs.logs.length,
      worklogDays: worklogs.logs.reduce((n, l) => n + l.rows.length, 0),
    },
  };
}

/** people.yaml order: head, supervisors, then region by region managers, reps (extra staff last), office. */
function rosterOrder(org: Org, extra: readonly Person[]): Person[] {
  if (extra.length === 0) return org.people;
  const out: Person[] = [];
  for (const p of org.people) {
    out.push(p);
    const next = org.people[org.people.indexOf(p) + 1];
    const lastRep = p.role === 'rep' && (next?.role !== 'rep' || next.region !== p.region);
    if (lastRep) out.push(...extra.filter((e) => e.region === p.region));
  }
  return out;
}

function personRecord(p: Person): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    ...(p.region ? { region: p.region } : {}),
    ...(p.team ? { team: p.team } : {}),
    joined: p.joined,
    ...(p.left ? { left: p.left } : {}),
  };
}

function visitsByMonth(logs: readonly Worklog[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const log of logs)
    out.set(
      `${log.person.id}/${log.month}`,
      log.rows.reduce((n, r) => n + (r.visits ?? 0), 0),
    );
  return out;
}

export function generateSample(options: SampleOptions): Map<string, string> {
  return generateSampleWithCounts(options).files;
}

/**
 * Months and scale for about `entries` entries: up to ~8 times the scale-1 density within `months`, then the
 * range is stretched (up to five years) before the density grows further. Calibrated on a scale-1 run.
 */
export function planForEntries(
  entries: number,
  base: Omit<SampleOptions, 'scale'>,
): { months: number; scale: number } {
  // Entries are the articles, meetings and reports of the contract, as before issue 12. The materials and work
  // logs follow from the roster: weight of their own that the calibration leaves out (and is faster for it).
  const perMonth = (months: number) => {
    const c = generateSampleWithCounts({
      ...base,
      months,
      scale: 1,
      worklogMonths: 0,
      worklogPeople: 0,
    }).counts;
    return (c.articles + c.meetings + c.reports) / months;
  };
  let months = base.months;
  let density = perMonth(months);
  if (entries / (density * months) > 8 && months < 60) {
    months = Math.min(60, Math.max(months, Math.ceil(entries / (density * 8))));
    density = perMonth(months);
  }
  return { months, scale: Math.max(0.2, entries / (density * months)) };
}
