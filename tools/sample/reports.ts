/**
 * 工作汇报: every manager's weekly, monthly, quarterly reports and achievement tables — mostly on time, some
 * late, a few missing, one period reported twice — and daily reports of reps (and managers) on travel days.
 */
import { writerFor } from './articles.ts';
import { markdownFile, uniqueSlug } from './markdown.ts';
import { activeIn } from './org.ts';
import type { Rng } from './random.ts';
import {
  achievementReport,
  dailyReport,
  monthlyReport,
  quarterlyReport,
  weeklyReport,
  type ReportText,
} from './report-body.ts';
import { monthlyDue, quarterlyDue, weeklyDue } from './schedule.ts';
import { DAY } from './timeline.ts';
import type { Ctx, Entry, Person, Region } from './types.ts';
import type { MaterialKind } from '../../src/rules/policy.ts';

type Kind = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'achievement';

const MISSING = 0.025;
const LATE = 0.09;

/** A report file; also used for the required materials, which are reports of other kinds. */
export function renderReport(
  ctx: Ctx,
  kind: Kind | MaterialKind,
  period: string,
  author: Person,
  region: Region,
  time: number,
  text: ReportText,
): Entry {
  const tl = ctx.tl;
  const day = tl.day(tl.dayOf(time));
  const slug = uniqueSlug(ctx, `${kind}-${period.toLowerCase()}-${author.id}`);
  const front = {
    kind,
    author: author.id,
    region: region.id,
    period,
    submitted: tl.stamp(time),
    progress: text.progress,
    highlights: text.highlights,
    problems: text.problems,
    support: text.support,
    plan: text.plan,
    figures: text.figures,
  };
  return { collection: 'reports', slug, year: day.year, text: markdownFile(front, text.body) };
}

/** Submission time of a required report: before `due` from `earliest` on, or late, or undefined (missing). */
function submission(
  rng: Rng,
  due: number,
  earliest: number,
  forced?: 'late' | 'missing',
): number | undefined {
  const x = rng.next();
  if (forced === 'missing' || (!forced && x < MISSING)) return undefined;
  if (forced === 'late' || x < MISSING + LATE) return due + rng.int(600, Math.round(2.5 * DAY));
  const t = rng.int(Math.min(earliest, due - 3600), due - 120);
  return t;
}

/** A time moved into office hours of its day (08:00–23:00) unless it is close to a noon deadline. */
function officeHours(time: number): number {
  const day = Math.floor(time / DAY);
  const sec = time - day * DAY;
  if (sec < 8 * 3600) return day * DAY + 8 * 3600 + (sec % 3600);
  if (sec > 23 * 3600) return day * DAY + 22 * 3600 + (sec % 3600);
  return time;
}

export function generateReports(ctx: Ctx): Entry[] {
  const { org, tl, plan } = ctx;
  const entries: Entry[] = [];
  const regionOf = new Map(org.regions.map((r) => [r.id, r]));
  const managers = org.people.filter((p) => p.role === 'manager');
  let duplicated = false;

  const emit = (
    rng: Rng,
    kind: Kind,
    period: string,
    author: Person,
    time: number | undefined,
    write: (w: ReturnType<typeof writerFor>) => ReportText,
    month: number,
  ) => {
    if (time === undefined || time > tl.endTime) return;
    // Someone who has left submits on their last day at the latest.
    let t = author.to < tl.dayOf(time) ? tl.at(author.to, 17, rng.int(0, 59), rng.int(0, 59)) : time;
    // …and someone who has just joined not before their first day.
    t = Math.max(t, tl.at(author.from, 9, rng.int(0, 59), rng.int(0, 59)));
    const region = regionOf.get(author.region ?? '');
    if (!region) return;
    const colleagues = activeIn(org, region.id, ['manager', 'rep', 'office'], tl.dayOf(t) - 30, tl.dayOf(t));
    const w = writerFor(ctx, rng, region, month, colleagues, author.id);
    entries.push(renderReport(ctx, kind, period, author, region, t, write(w)));
  };

  managers.forEach((m, mi) => {
    const region = regionOf.get(m.region ?? '');
    if (!region) return;
    tl.weeks.forEach((week, wi) => {
      if (m.from > week.monday + 6 || m.to < week.monday) return;
      const rng = ctx.rng.fork(`reports/weekly/${m.id}/${week.key}`);
      const due = weeklyDue(ctx, week.monday);
      const forced = mi === 0 && wi === 3 ? 'late' : mi === 5 && wi === 7 ? 'missing' : undefined;
      const time = submission(rng, due, tl.at(week.monday + 4, 15, 0), forced);
      const month = tl.day(week.monday).month;
      emit(
        rng,
        'weekly',
        week.key,
        m,
        time === undefined ? undefined : officeHours(time),
        weeklyReport,
        month,
      );
      if (!duplicated && mi === 0 && wi >= 5 && time !== undefined && time < due) {
        // One period reported twice (a corrected copy); the earliest one counts.
        duplicated = true;
        emit(rng, 'weekly', week.key, m, officeHours(time + rng.int(DAY, 2 * DAY)), weeklyReport, month);
      }
    });
    tl.months.forEach((month, ti) => {
      if (m.from > month.last || m.to < month.first) return;
      const rng = ctx.rng.fork(`reports/monthly/${m.id}/${month.key}`);
      const due = monthlyDue(ctx, month.year, month.month);
      const forced = mi === 0 && ti === 1 ? 'late' : mi === 3 && ti === 2 ? 'missing' : undefined;
      const time = submission(rng, due, due - 4 * DAY, forced);
      emit(
        rng,
        'monthly',
        month.key,
        m,
        time === undefined ? undefined : officeHours(time),
        (w) => monthlyReport(w, region.size),
        month.month,
      );
      if (!month.quarterEnd) return;
      const quarter = month.month / 3;
      if (m.from > month.last || m.to < month.first - 62) return;
      const qdue = quarterlyDue(ctx, month.year, quarter);
      for (const kind of ['quarterly', 'achievement'] as const) {
        const qrng = ctx.rng.fork(`reports/${kind}/${m.id}/${month.quarter}`);
        const qt = submission(qrng, qdue, qdue - 5 * DAY);
        emit(
          qrng,
          kind,
          month.quarter,
          m,
          qt === undefined ? undefined : officeHours(qt),
          (w) => (kind === 'quarterly' ? quarterlyReport(w, region.size) : achievementReport(w, region.size)),
          month.month,
        );
      }
    });
  });

  // Daily reports on travel days: reps mostly, managers sometimes; one per person and day.
  for (const region of org.regions) {
    for (const month of tl.months) {
      const rng = ctx.rng.fork(`reports/daily/${region.id}/${month.key}`);
      const lo = Math.max(month.first, tl.startIdx);
      const hi = Math.min(month.last, tl.endIdx);
      if (hi < lo) continue;
      const authors = activeIn(org, region.id, ['rep', 'manager'], lo, hi);
      if (authors.length === 0) continue;
      const partial = (hi - lo + 1) / (month.last - month.first + 1);
      const count = rng.count(plan.daily * partial, 1);
      const taken = new Set<string>();
      for (let i = 0; i < count; i++) {
        const author = rng.weighted(
          authors,
          authors.map((a) => (a.role === 'rep' ? 4 : 1)),
        );
        const day = rng.int(Math.max(lo, author.from), Math.min(hi, author.to));
        if (tl.day(day).dow === 7 || taken.has(`${author.id}/${day}`)) continue;
        taken.add(`${author.id}/${day}`);
        const time = rng.chance(0.9)
          ? tl.at(day, rng.int(18, 22), rng.int(0, 59), rng.int(0, 59))
          : tl.at(day + 1, 7, rng.int(30, 59), rng.int(0, 59));
        emit(rng, 'daily', tl.day(day).iso, author, time, dailyReport, month.month);
      }
    }
  }
  return entries;
}
