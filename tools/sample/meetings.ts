/**
 * 会议纪要: per region and month one or two 销售沟通会 (regional / office), mostly applied for beforehand and
 * filed afterwards, some not; plus department meetings: monthly / quarterly (R8), morning (R10), evening (R11),
 * weekly and manager training (R12).
 */
import { writerFor } from './articles.ts';
import { MEETING_TITLES, MORNING_PLANS, TRAINING_TOPICS } from './corpus/meeting-text.ts';
import { RECORD_REVIEWS } from './corpus/worklog-text.ts';
import {
  departmentBody,
  eveningBody,
  morningBody,
  salesMeetingBody,
  trainingBody,
  weeklyBody,
} from './meeting-body.ts';
import { markdownFile, uniqueSlug } from './markdown.ts';
import { activeIn } from './org.ts';
import type { Rng } from './random.ts';
import { monthlyMeeting, quarterlyMeeting } from './schedule.ts';
import type { MonthInfo } from './timeline.ts';
import type { Writer } from './text.ts';
import type { Ctx, Entry, Person, Region } from './types.ts';
import type { LogRow } from './worklogs.ts';
import { DEFAULT_POLICY } from '../../src/rules/policy.ts';

interface MorningRecord {
  person: string;
  plan: string;
  review?: string;
}

type Kind = 'regional' | 'office' | 'morning' | 'evening' | 'weekly' | 'monthly' | 'quarterly' | 'training';

interface Meeting {
  kind: Kind;
  region?: Region;
  organizer: Person;
  start: number;
  applied?: number;
  filed?: number;
  leaders: string[];
  attendees: string[];
  calls?: number;
  intents?: number;
  /** The people at a meeting besides its organizer, when known as people (for the 晨会记录). */
  present?: readonly Person[];
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const SALES_HOURS: readonly [number, number][] = [
  [9, 0],
  [9, 30],
  [10, 0],
  [14, 0],
  [14, 30],
  [15, 0],
  [16, 0],
];
/** Chances that a region-month has no 销售沟通会 at all, or only ones that do not qualify. */
const NO_MEETING = 0.04;
const NONE_QUALIFY = 0.05;
/** Chance that one meeting misses its application or its filing. */
const SLIP = 0.07;

function workday(rng: Rng, ctx: Ctx, lo: number, hi: number, allowSaturday: boolean): number | undefined {
  for (let i = 0; i < 12; i++) {
    const d = rng.int(lo, hi);
    const dow = ctx.tl.day(d).dow;
    if (dow <= 5 || (allowSaturday && dow === 6)) return d;
  }
  return undefined;
}

/** Deadlines for to-dos: dates 3–20 days after the meeting, as 10月20日. */
function deadlines(ctx: Ctx, start: number): string[] {
  const d0 = ctx.tl.dayOf(start);
  return [3, 5, 7, 10, 14, 20].map((k) => {
    const day = ctx.tl.day(d0 + k);
    return `${day.month}月${day.day}日`;
  });
}

function render(ctx: Ctx, rng: Rng, m: Meeting, colleagues: readonly Person[]): Entry {
  const tl = ctx.tl;
  const day = tl.day(tl.dayOf(m.start));
  const region = m.region ?? ctx.org.regions[rng.int(0, ctx.org.regions.length - 1)];
  if (!region) throw new Error('no region');
  const w = writerFor(ctx, rng, region, day.month, colleagues, m.organizer.id);
  const quarter = Math.ceil(day.month / 3);
  Object.assign(w.vars, {
    date: `${day.month}月${day.day}日`,
    host: m.organizer.name,
    head: `${ctx.org.head.name.slice(0, 1)}部长`,
    mgr: m.organizer.name,
    year: String(day.year),
    quarter: ['一', '二', '三', '四'][quarter - 1] ?? '',
    week: `第${Number(day.week.slice(6))}周`,
    weekday: WEEKDAYS[day.dow - 1] ?? '',
    scope: m.region ? m.region.name : '销售部',
    topicname: w.any(TRAINING_TOPICS),
    topicname2: () => w.any(TRAINING_TOPICS),
  });

  const due = deadlines(ctx, m.start);
  w.vars.due = () => rng.pick(due);
  let body: string;
  switch (m.kind) {
    case 'regional':
    case 'office':
      body = salesMeetingBody(w, due, m.leaders);
      break;
    case 'morning':
      body = morningBody(w, m.attendees.length > 0 ? m.attendees : [m.organizer.name]);
      break;
    case 'evening':
      body = eveningBody(w, m.calls ?? 0, m.intents ?? 0);
      break;
    case 'weekly':
      body = weeklyBody(w, due);
      break;
    case 'training':
      body = trainingBody(w);
      break;
    default:
      body = departmentBody(
        w,
        ctx.org.regions.map((r) => ({ name: r.name, cities: r.seed.cities })),
        m.kind === 'quarterly',
        due,
      );
  }
  const title = w.any(MEETING_TITLES[m.kind] ?? []);
  const slug = uniqueSlug(ctx, `${day.iso}-${m.kind}-${m.region?.id ?? 'dept'}-${tl.hhmm(m.start)}`);
  const front = {
    title,
    kind: m.kind,
    region: m.region?.id,
    organizer: m.organizer.id,
    start: tl.stamp(m.start),
    applied: m.applied === undefined ? undefined : tl.stamp(m.applied),
    leaders: m.leaders.length > 0 ? m.leaders : undefined,
    attendees: m.attendees.length > 0 ? m.attendees : undefined,
    filed: m.filed === undefined ? undefined : tl.stamp(m.filed),
    calls: m.calls,
    intents: m.intents,
    records: m.kind === 'morning' ? morningRecords(ctx, slug, m) : undefined,
  };
  return { collection: 'meetings', slug, year: day.year, text: markdownFile(front, body) };
}

/**
 * 晨会记录: each attendee's plan for the day (from their work log when they keep one) and, mostly, the host's
 * comment on yesterday's completion. A stream of its own per meeting, so the rest of the memo stays as it was.
 */
function morningRecords(ctx: Ctx, slug: string, m: Meeting): MorningRecord[] | undefined {
  const people = m.present ?? [];
  if (people.length === 0) return undefined;
  const tl = ctx.tl;
  const rng = ctx.rng.fork(`meetings/records/${slug}`);
  const day = tl.dayOf(m.start);
  const region = m.region ?? ctx.org.regions.find((r) => r.id === people[0]?.region) ?? ctx.org.regions[0];
  if (!region) return undefined;
  const w = writerFor(ctx, rng, region, tl.day(day).month, people, m.organizer.id);
  return people.map((p) => {
    const today = ctx.logs?.get(`${p.id}/${day}`);
    let before: LogRow | undefined;
    for (let d = day - 1; d >= day - 4 && !before; d--) before = ctx.logs?.get(`${p.id}/${d}`);
    const record: MorningRecord = {
      person: p.id,
      plan: today?.revised ?? today?.plan ?? w.any(MORNING_PLANS),
    };
    if (rng.chance(0.8)) record.review = reviewOf(w, before);
    return record;
  });
}

/** The host's comment on yesterday's row: the visits or calls against the day's quota when the row has them. */
function reviewOf(w: Writer, row: LogRow | undefined): string {
  const quota = DEFAULT_POLICY.quotas.measures;
  if (row?.calls !== undefined)
    return row.calls >= quota.calls.day
      ? `昨日电话${row.calls}通，达标`
      : `昨日电话${row.calls}通，未达${quota.calls.day}通，注意节奏`;
  if (row?.visits !== undefined)
    return row.visits >= quota.visits.day
      ? `昨日有效拜访${row.visits}家，完成计划`
      : `昨日有效拜访${row.visits}家，未达${quota.visits.day}家，今天补上`;
  return w.any(RECORD_REVIEWS);
}

/** Office hours some days before `time`. */
function before(ctx: Ctx, rng: Rng, time: number, minDays: number, maxDays: number): number {
  const d = ctx.tl.dayOf(time) - rng.int(minDays, maxDays);
  return ctx.tl.at(d, rng.int(9, 17), rng.int(0, 59), rng.int(0, 59));
}

/** Office hours 0..maxDays days after `time`, and at least an hour after it. */
function after(ctx: Ctx, rng: Rng, time: number, maxDays: number): number {
  const t = ctx.tl.at(
    ctx.tl.dayOf(time) + rng.int(0, maxDays),
    rng.int(9, 21),
    rng.int(0, 59),
    rng.int(0, 59),
  );
  return t > time + 3600 ? t : time + rng.int(3600, 4 * 3600);
}

/** Keeps only times up to the end of the range (a memo not filed yet has no `filed`). */
function upToEnd(ctx: Ctx, time: number | undefined): number | undefined {
  return time !== undefined && time <= ctx.tl.endTime ? time : undefined;
}

function salesMeeting(
  ctx: Ctx,
  rng: Rng,
  region: Region,
  kind: 'regional' | 'office',
  day: number,
  qualifies: boolean,
): Meeting | undefined {
  const { org, tl } = ctx;
  const staff = activeIn(org, region.id, ['manager', 'rep', 'office'], day, day);
  const managers = staff.filter((p) => p.role === 'manager');
  const office = staff.filter((p) => p.role === 'office');
  const organizer =
    kind === 'office' && office.length > 0 && rng.chance(0.6) ? rng.pick(office) : managers[0];
  if (!organizer) return undefined;
  const [h, m] = rng.pick(SALES_HOURS);
  const start = tl.at(day, h, m);
  let applied: number | undefined = before(ctx, rng, start, 2, 7);
  let filed: number | undefined = after(ctx, rng, start, 3);
  if (!qualifies) {
    const how = rng.int(0, 2);
    if (how === 0) applied = after(ctx, rng, start, 2);
    else if (how === 1) filed = undefined;
    else applied = undefined;
  }
  const leaders = rng.chance(0.6) ? rng.sample(org.leaders, rng.int(1, 2)) : [];
  const attendees = staff
    .filter((p) => kind === 'regional' || p.role !== 'rep' || rng.chance(0.6))
    .map((p) => p.name);
  return {
    kind,
    region,
    organizer,
    start,
    applied: upToEnd(ctx, applied),
    filed: upToEnd(ctx, filed),
    leaders,
    attendees: attendees.slice(0, 40),
  };
}

/** Meetings of the other kinds, department-wide or for one region. */
function otherMeeting(
  ctx: Ctx,
  rng: Rng,
  kind: 'morning' | 'evening' | 'weekly' | 'training',
  day: number,
  region?: Region,
): Meeting | undefined {
  const { org, tl } = ctx;
  const staff = activeIn(org, region?.id, ['manager', 'rep', 'office', 'supervisor'], day, day);
  const sups = org.supervisors.filter((s) => s.from <= day && s.to >= day);
  const managers = staff.filter((p) => p.role === 'manager');
  const rotation = sups[Math.floor(day / 7) % Math.max(1, sups.length)];
  const dow = tl.day(day).dow;
  let organizer: Person | undefined;
  let start: number;
  const meeting: Partial<Meeting> = {};
  if (kind === 'morning') {
    organizer = region ? (managers[0] ?? rotation) : rotation;
    start = dow === 1 ? tl.at(day, 10, 0) : tl.at(day, 8, 40);
  } else if (kind === 'evening') {
    organizer = region ? (managers[0] ?? rotation) : rotation;
    start = tl.at(day, 17, 20);
    meeting.calls = rng.int(150, 420);
    meeting.intents = rng.int(4, 30);
  } else if (kind === 'weekly') {
    organizer = region ? managers[0] : org.head.to >= day ? org.head : rotation;
    start = tl.at(day, 9, 0);
  } else {
    const all = region ? managers : activeIn(org, undefined, ['manager'], day, day);
    organizer = all.length > 0 ? rng.pick(all) : rotation;
    start = tl.at(day, rng.chance(0.7) ? 9 : 18, rng.chance(0.5) ? 0 : 30);
    meeting.applied = before(ctx, rng, start, 1, 4);
  }
  if (!organizer) return undefined;
  const pool = staff.filter((p) => p.id !== organizer.id);
  const present = rng.sample(pool, kind === 'weekly' ? 12 : rng.int(4, 10));
  const attendees = [organizer.name, ...present.map((p) => p.name)];
  return {
    kind,
    organizer,
    start,
    leaders: [],
    attendees,
    present,
    filed: upToEnd(ctx, after(ctx, rng, start, kind === 'training' ? 2 : 0)),
    ...meeting,
    ...(region ? { region } : {}),
  };
}

/** Days of a month (inside the range) that fall on the given weekdays. */
function daysOn(ctx: Ctx, month: MonthInfo, weekdays: readonly number[]): number[] {
  const out: number[] = [];
  for (let d = Math.max(month.first, ctx.tl.startIdx); d <= Math.min(month.last, ctx.tl.endIdx); d++) {
    if (weekdays.includes(ctx.tl.day(d).dow)) out.push(d);
  }
  return out;
}

function departmentMeeting(
  ctx: Ctx,
  rng: Rng,
  month: MonthInfo,
  kind: 'monthly' | 'quarterly',
  index: number,
): Meeting | undefined {
  const { org, tl } = ctx;
  const start =
    kind === 'monthly'
      ? monthlyMeeting(ctx, month.year, month.month)
      : quarterlyMeeting(ctx, month.year, month.month / 3);
  if (start > tl.endTime || start < tl.at(tl.startIdx, 0, 0)) return undefined;
  const day = tl.dayOf(start);
  const sups = org.supervisors.filter((s) => s.from <= day && s.to >= day);
  const organizer = sups[index % Math.max(1, sups.length)] ?? org.head;
  const managers = activeIn(org, undefined, ['manager'], day, day);
  return {
    kind,
    organizer,
    start,
    applied: before(ctx, rng, start, 5, 10),
    filed: upToEnd(ctx, after(ctx, rng, start, 2)),
    leaders: rng.sample(org.leaders.slice(0, -1), kind === 'quarterly' ? rng.int(2, 3) : rng.int(1, 2)),
    attendees: [org.head.name, ...sups.map((s) => s.name), ...managers.map((p) => p.name)],
  };
}

export function generateMeetings(ctx: Ctx): Entry[] {
  const { org, tl, plan } = ctx;
  const entries: Entry[] = [];
  const everyone = org.people;
  const push = (rng: Rng, m: Meeting | undefined, colleagues: readonly Person[]) => {
    if (m && m.start <= tl.endTime) entries.push(render(ctx, rng, m, colleagues));
  };
  // Regional-level meetings beyond 1.5 a month are split between more 销售沟通会 and the other kinds.
  const extra = Math.max(0, plan.meetings - 1.5);
  const salesMean = Math.min(plan.meetings, 1.5) + 0.3 * extra;
  const otherMean = 0.7 * extra;

  org.regions.forEach((region, ri) => {
    tl.months.forEach((month, mi) => {
      const rng = ctx.rng.fork(`meetings/${region.id}/${month.key}`);
      const lo = Math.max(month.first, tl.startIdx);
      const hi = Math.min(month.last, tl.endIdx);
      if (hi < lo) return;
      const colleagues = activeIn(org, region.id, ['manager', 'rep', 'office', 'supervisor'], lo, hi);
      const partial = (hi - lo + 1) / (month.last - month.first + 1);
      const none = rng.chance(NO_MEETING) || (ri === 3 && mi === Math.min(4, tl.months.length - 1));
      const noneQualify = rng.chance(NONE_QUALIFY) || (ri === 4 && mi === Math.min(5, tl.months.length - 1));
      let count = none ? 0 : rng.count(salesMean * partial, 0);
      if (!none && partial === 1) count = Math.max(1, count);
      for (let i = 0; i < count; i++) {
        const day = workday(rng, ctx, lo, hi, true);
        if (day === undefined) continue;
        const kind = rng.chance(0.6) ? 'regional' : 'office';
        push(rng, salesMeeting(ctx, rng, region, kind, day, !noneQualify && !rng.chance(SLIP)), colleagues);
      }
      const others = rng.count(otherMean * partial, 0);
      for (let i = 0; i < others; i++) {
        const kind = rng.weighted(['training', 'weekly', 'morning', 'evening'] as const, [3, 2, 2, 2]);
        const day = workday(rng, ctx, lo, hi, kind === 'training');
        if (day !== undefined) push(rng, otherMeeting(ctx, rng, kind, day, region), colleagues);
      }
    });
  });

  tl.months.forEach((month, mi) => {
    const rng = ctx.rng.fork(`meetings/dept/${month.key}`);
    const monthlyMoved = ctx.overrides.some((o) => o.kind === 'monthly' && o.period === month.key);
    if (!month.quarterEnd || monthlyMoved)
      push(rng, departmentMeeting(ctx, rng, month, 'monthly', mi), everyone);
    if (month.quarterEnd) push(rng, departmentMeeting(ctx, rng, month, 'quarterly', mi), everyone);
    const kinds = [
      ['morning', 3, [1, 2, 3, 4, 5]],
      ['evening', 2, [1, 2, 3, 4, 5]],
      ['weekly', 1.5, [1]],
      ['training', 2, [1, 3, 6]],
    ] as const;
    for (const [kind, mean, weekdays] of kinds) {
      const days = rng.sample(daysOn(ctx, month, weekdays), rng.count(mean * plan.dept, 1));
      for (const day of days.sort((a, b) => a - b)) push(rng, otherMeeting(ctx, rng, kind, day), everyone);
    }
  });
  return entries;
}
