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
import type { Ctx, Entry, Plan } from './types.ts';

export interface SampleOptions {
  seed: string;
  /** Last day included, YYYY-MM-DD. */
  end: string;
  /** Number of calendar months covered, ending with the month of `end`. */
  months: number;
  /** Multiplies the number of entries (default 1: roughly 1,000 entries a year). */
  scale?: number;
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
  counts: { org: number; articles: number; meetings: number; reports: number };
}

export function generateSampleWithCounts(options: SampleOptions): Sample {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error(`scale must be positive: ${scale}`);
  const tl = new Timeline(options.end, options.months);
  const rng = new Rng(`sales-portal-sample/${options.seed}`);
  const plan = planFor(scale);
  const org = buildOrg(rng.fork('org'), tl, plan);
  const ctx: Ctx = { rng, tl, org, plan, overrides: buildOverrides(tl), slugs: new Set() };

  const files = new Map<string, string>();
  files.set(
    'org/regions.yaml',
    toYaml(org.regions.map((r) => ({ id: r.id, name: r.name, manager: r.manager }))),
  );
  files.set(
    'org/people.yaml',
    toYaml(
      org.people.map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        ...(p.region ? { region: p.region } : {}),
        joined: p.joined,
        ...(p.left ? { left: p.left } : {}),
      })),
    ),
  );
  files.set(
    'org/calendar.yaml',
    toYaml({
      meetings: ctx.overrides.map((o) => ({ kind: o.kind, period: o.period, start: tl.stamp(o.start) })),
    }),
  );

  const articles = generateArticles(ctx);
  const meetings = generateMeetings(ctx);
  const reports = generateReports(ctx);
  const add = (entries: Entry[]) => {
    const sorted = entries.slice().sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    for (const e of sorted) files.set(entryPath(e), e.text);
  };
  add(articles);
  add(meetings);
  add(reports);
  return {
    files,
    counts: { org: 3, articles: articles.length, meetings: meetings.length, reports: reports.length },
  };
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
  const perMonth = (months: number) => {
    const c = generateSampleWithCounts({ ...base, months, scale: 1 }).counts;
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
