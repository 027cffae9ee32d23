/**
 * 工作日志: one file a person a month with a row per working day (R13–R16). Field reps log visits with a visit
 * list, telesales staff calls, intent customers, leads and posts, the others plan and work only. People differ:
 * some visit below the quota more often, some skip more days; rows are filed before the morning meeting, later
 * that day, or a few days late, and a few are changed after the next morning meeting.
 * Every person and month draws from a stream of its own, so the logs shift nothing else in the sample.
 */
import { writerFor } from './articles.ts';
import {
  COMPLETIONS,
  CONTACT_TITLES,
  FIELD_PLANS,
  LOG_NOTES,
  OFFICE_PLANS,
  OFFICE_SLOTS,
  PHARMACIES,
  PHONE_COMPLETIONS,
  PHONE_PLANS,
  PHONE_REVISIONS,
  REVISIONS,
  VISIT_PURPOSES,
  VISIT_RESULTS,
} from './corpus/worklog-text.ts';
import type { WorkCalendar } from './holidays.ts';
import { DEFAULT_POLICY, type Weekday } from '../../src/rules/policy.ts';
import { toYaml } from '../../src/load/yaml-write.ts';
import { worklogs } from '../../src/model/collections/worklogs.ts';
import type { Rng } from './random.ts';
import { DAY, type Timeline } from './timeline.ts';
import type { Ctx, Person, Region, Role } from './types.ts';
import type { Writer } from './text.ts';

/** Who keeps a log. */
export const LOG_ROLES: readonly Role[] = DEFAULT_POLICY.worklogs.roles;

export interface Visit {
  customer: string;
  contact?: string;
  purpose?: string;
  result?: string;
}

export interface LogRow {
  date: string;
  plan?: string;
  revised?: string;
  done?: string[];
  visits?: number;
  visitList?: Visit[];
  calls?: number;
  intents?: number;
  leads?: number;
  posts?: number;
  completion?: string;
  filed: string;
  updated?: string;
}

export interface Worklog {
  path: string;
  person: Person;
  month: string;
  rows: LogRow[];
  text: string;
}

/** Rows by `<person id>/<day index>`, for the 晨会记录 of the morning meetings. */
export type LogIndex = Map<string, LogRow>;

/** How a person works: drawn once per person. */
interface Profile {
  /** Share of working days without a row. */
  miss: number;
  visits: number;
  calls: number;
  intents: number;
  leads: number;
  posts: number;
  /** Share of rows filed before the morning meeting. */
  early: number;
  /** The customers the person calls on (a rep keeps a portfolio, not a new hospital every day). */
  customers: { customer: string; contact: string }[];
  cities: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Start of the morning meeting of a day (08:40, Monday 10:00). */
export function morningMeetingAt(tl: Timeline, day: number): number {
  const { time, byWeekday } = DEFAULT_POLICY.morningMeeting;
  const [h, m] = (byWeekday[tl.day(day).dow as Weekday] ?? time).split(':').map(Number);
  return tl.at(day, h ?? 0, m ?? 0);
}

/** A count around `mean`, roughly normal with the given spread, not below 0. */
function around(rng: Rng, mean: number, spread: number): number {
  const z = rng.next() + rng.next() + rng.next() - 1.5;
  return Math.max(0, Math.round(mean + z * spread * 2));
}

function profileOf(ctx: Ctx, person: Person, region: Region): Profile {
  const r = ctx.rng.fork(`worklogs/profile/${person.id}`);
  const w = writerFor(ctx, r, region, 1, []);
  // A rep covers one or two cities of the region and the counties around them, not the whole region.
  const cities = r.sample(region.seed.cities, r.int(1, 2));
  const near = region.hospitals.filter(
    (h) => cities.some((c) => h.startsWith(c)) || region.seed.counties.some((k) => h.startsWith(k)),
  );
  const customers: Profile['customers'] = r.sample(near, 14).map((hospital) => ({
    customer: hospital,
    contact: `${w.slot('deptX')}${w.surname()}${r.pick(CONTACT_TITLES.slice(0, 6))}`,
  }));
  for (const pharmacy of r.sample(PHARMACIES, 4)) {
    customers.push({
      customer: pharmacy.replace('{c}', r.pick(cities)),
      contact: `${w.surname()}${r.pick(['店长', '药师', '采购'])}`,
    });
  }
  return {
    miss: r.float(0.01, r.chance(0.15) ? 0.16 : 0.06),
    visits: r.chance(0.2) ? r.float(2.4, 3.0) : r.float(3.1, 4.4),
    calls: r.float(280, 350),
    intents: r.float(8.5, 13),
    leads: r.float(44, 60),
    posts: r.float(8.5, 13),
    early: r.float(0.45, 0.8),
    customers,
    cities,
  };
}

/** Seconds of a day index plus an offset, as hh:mm for a time slot. */
function hm(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}`;
}

function slots(rng: Rng, start: number, parts: string[]): string[] {
  const out: string[] = [];
  let t = start;
  for (const part of parts) {
    const len = rng.int(40, 120) * 60;
    // Lunch: no slot runs through 12:00–13:30.
    if (t + len > 12 * 3600 && t < 13.5 * 3600) t = 13.5 * 3600 + rng.int(0, 30) * 60;
    const end = t + len;
    out.push(`${hm(t)}-${hm(end)} ${part}`);
    t = end + rng.int(1, 4) * 300;
  }
  return out;
}

interface Kind {
  field: boolean;
  phone: boolean;
}

function kindOf(person: Person): Kind {
  const phone = person.team === 'telesales';
  return { phone, field: person.role === 'rep' && !phone };
}

function row(
  ctx: Ctx,
  rng: Rng,
  person: Person,
  kind: Kind,
  profile: Profile,
  w: Writer,
  day: number,
  nextWorking: number,
): LogRow | undefined {
  const tl = ctx.tl;
  const meeting = morningMeetingAt(tl, day);
  const x = rng.next();
  let filed: number;
  if (x < profile.early) filed = meeting - rng.int(5 * 60, 70 * 60);
  else if (x < profile.early + 0.25) filed = tl.at(day, rng.int(12, 21), rng.int(0, 59), rng.int(0, 59));
  else if (x < 0.96) filed = tl.at(day + 1, rng.int(7, 21), rng.int(0, 59), rng.int(0, 59));
  else filed = tl.at(day + rng.int(2, 5), rng.int(8, 21), rng.int(0, 59), rng.int(0, 59));
  if (filed > tl.endTime) return undefined;

  let updated = filed;
  if (filed < meeting && rng.chance(0.85))
    updated = tl.at(day, rng.int(17, 21), rng.int(0, 59), rng.int(0, 59));
  // A few rows are changed after the next morning meeting (R16: marked as changed later).
  if (rng.chance(0.03)) updated = morningMeetingAt(tl, nextWorking) + rng.int(1800, 2 * DAY);
  if (updated > tl.endTime || updated < filed) updated = filed;

  const out: Omit<LogRow, 'filed'> = { date: tl.day(day).iso };
  out.plan = w.any(kind.field ? FIELD_PLANS : kind.phone ? PHONE_PLANS : OFFICE_PLANS);
  if (rng.chance(0.3)) out.revised = w.any(kind.phone ? PHONE_REVISIONS : REVISIONS);
  const meetingEnd = meeting - tl.at(day, 0, 0) + 20 * 60;

  if (kind.field || (person.role === 'manager' && rng.chance(0.3))) {
    const count = kind.field ? Math.min(10, around(rng, profile.visits, 0.9)) : rng.int(1, 2);
    const visits = rng.sample(profile.customers, count).map((c): Visit => {
      const v: Visit = { customer: c.customer, contact: c.contact, purpose: rng.pick(VISIT_PURPOSES) };
      if (rng.chance(0.8)) v.result = rng.pick(VISIT_RESULTS);
      return v;
    });
    const half = Math.ceil(visits.length / 2);
    const parts: string[] = [];
    if (half > 0) parts.push(`外出拜访（${half}家）`);
    if (visits.length - half > 0) parts.push(`外出拜访（${visits.length - half}家）`);
    parts.push(w.any(OFFICE_SLOTS));
    out.done = slots(rng, meetingEnd, parts);
    out.visits = visits.length;
    out.visitList = visits;
  } else if (kind.phone) {
    const calls = Math.min(1200, around(rng, profile.calls, 30));
    const morning = Math.round(calls * rng.float(0.45, 0.6));
    out.calls = calls;
    out.intents = around(rng, profile.intents, 2.5);
    out.leads = around(rng, profile.leads, 7);
    out.posts = around(rng, profile.posts, 2.5);
    out.done = slots(rng, meetingEnd, [
      `电话拨打（${morning}通）`,
      `电话回访（${calls - morning}通）`,
      `发帖（${out.posts}条）`,
      `整理线索（${out.leads}条）`,
    ]);
  } else {
    out.done = slots(rng, meetingEnd, [w.any(OFFICE_PLANS), w.any(OFFICE_SLOTS)]);
  }
  // The completion note is given at the next working day's meeting, once that day has come.
  if (nextWorking <= tl.endIdx && rng.chance(0.9))
    out.completion = w.any(kind.phone ? PHONE_COMPLETIONS : COMPLETIONS);
  // The system times last, where the form keeps them; `updated` only when a later save changed the row.
  return { ...out, filed: tl.stamp(filed), ...(updated > filed ? { updated: tl.stamp(updated) } : {}) };
}

/** A row's keys in the model's order, which is the order the form writes them in. */
const ROW_ORDER = worklogs.fields.find((f) => f.name === 'days')!.fields.map((f) => f.name as string);
const inFormOrder = (row: LogRow) =>
  Object.fromEntries(
    ROW_ORDER.flatMap((k) => {
      const value = row[k as keyof LogRow];
      // The form drops an empty list (no visits that day), so the sample does not write one either.
      return value === undefined || (Array.isArray(value) && value.length === 0) ? [] : [[k, value]];
    }),
  );

function render(person: Person, region: Region, month: string, rows: LogRow[], note: string): string {
  // Newest day first, as the form shows and saves them; fields in the form's order, so a save changes nothing.
  const front = {
    person: person.id,
    region: region.id,
    month,
    days: rows.slice().reverse().map(inFormOrder),
  };
  const head = `---\n${toYaml(front)}---\n`;
  return note ? `${head}\n${note}\n` : head;
}

export interface WorklogOptions {
  cal: WorkCalendar;
  /** How many of the range's last months get logs. */
  months: number;
  /** Everyone who may keep a log (the roster and any extra staff). */
  people: readonly Person[];
}

export function generateWorklogs(ctx: Ctx, options: WorklogOptions): { logs: Worklog[]; index: LogIndex } {
  const { tl } = ctx;
  const { cal } = options;
  const regionOf = new Map(ctx.org.regions.map((r) => [r.id, r]));
  const months = tl.months.slice(Math.max(0, tl.months.length - options.months));
  const logs: Worklog[] = [];
  const index: LogIndex = new Map();
  const working = (d: number) => {
    const day = tl.day(d);
    return cal.isWorking(day.iso, day.dow);
  };
  const nextWorkingAfter = (d: number) => {
    let n = d + 1;
    while (!working(n) && n < d + 15) n++;
    return n;
  };

  for (const person of options.people) {
    if (!LOG_ROLES.includes(person.role)) continue;
    const region = regionOf.get(person.region ?? '');
    if (!region) continue;
    const kind = kindOf(person);
    let profile: Profile | undefined;
    for (const month of months) {
      const lo = Math.max(month.first, tl.startIdx, person.from);
      const hi = Math.min(month.last, tl.endIdx, person.to);
      if (hi < lo) continue;
      const rng = ctx.rng.fork(`worklogs/${person.id}/${month.key}`);
      const colleagues = ctx.org.people.filter(
        (p) => p.region === region.id && p.id !== person.id && p.from <= hi && p.to >= lo,
      );
      const w = writerFor(ctx, rng, region, month.month, colleagues, person.id);
      profile ??= profileOf(ctx, person, region);
      const own = profile;
      // Plans name the person's own cities and customers.
      w.vars.city = () => rng.pick(own.cities);
      w.vars.hospX = () => rng.pick(own.customers).customer;
      // Now and then a few working days in a row off (leave, a trip): no rows then.
      const leave = rng.chance(0.12) ? rng.int(lo, hi) : undefined;
      const leaveEnd = leave === undefined ? -1 : leave + rng.int(2, 5);
      const rows: LogRow[] = [];
      for (let d = lo; d <= hi; d++) {
        const day = tl.day(d);
        if (working(d)) {
          if (leave !== undefined && d >= leave && d <= leaveEnd) continue;
          if (rng.chance(profile.miss)) continue;
        } else if (!(kind.field && day.dow === 6 && !cal.isHoliday(day.iso) && rng.chance(0.05))) continue;
        const r = row(ctx, rng, person, kind, profile, w, d, nextWorkingAfter(d));
        if (!r) continue;
        rows.push(r);
        index.set(`${person.id}/${d}`, r);
      }
      if (rows.length === 0) continue;
      const note = rng.chance(0.1) ? w.any(LOG_NOTES) : '';
      logs.push({
        path: `worklogs/${month.year}/${month.key}-${person.id}.md`,
        person,
        month: month.key,
        rows,
        text: render(person, region, month.key, rows, note),
      });
    }
  }
  logs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { logs, index };
}
