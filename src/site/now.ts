/**
 * "Now" for a build. Pages that depend on the date (this month's issue, the active roster) read it here and
 * nowhere else, so that `PORTAL_NOW=2026-10-20T12:00:00+08:00 npm run build` reproduces a build exactly.
 */
import { Temporal } from 'temporal-polyfill';
import { dateTimeProblem } from '../model/schema.ts';
import { inShanghai, monthOf, parseDateTime } from '../model/time.ts';
import { perBuild } from './per-build.ts';

/** The environment variable that pins the build time. */
export const NOW_VARIABLE = 'PORTAL_NOW';

/**
 * The instant the site is built "at": `PORTAL_NOW` when set, else the clock.
 * A set but malformed value stops the build rather than silently falling back to the real time, which would
 * make a build that was meant to be reproducible quietly differ.
 */
export function resolveNow(
  env: Readonly<Record<string, string | undefined>>,
  clock: () => Temporal.Instant = () => Temporal.Now.instant(),
): Temporal.Instant {
  const raw = env[NOW_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return clock();
  const problem = dateTimeProblem(raw);
  if (problem) throw new Error(`${NOW_VARIABLE}=${problem}（或不设置，使用当前时间）`);
  return parseDateTime(raw)!;
}

/**
 * The build's "now", read once per build so that every page agrees on it. The fast path (src/fastpath/) pins
 * each update's "now" in `PORTAL_NOW` and gives the full build after it the same, so both write the same page.
 */
export const buildNow: () => Temporal.Instant = perBuild(() => resolveNow(process.env));

/** `2026-10`: the Beijing month of an instant. */
export function currentMonth(now: Temporal.Instant): string {
  return monthOf(now);
}

/** The Beijing calendar day of an instant. */
export function today(now: Temporal.Instant): Temporal.PlainDate {
  return inShanghai(now).toPlainDate();
}
