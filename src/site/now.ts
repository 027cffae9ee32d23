/**
 * "Now" for a build. Pages that depend on the date (this month's issue, the active roster) read it here and
 * nowhere else, so that `PORTAL_NOW=2026-10-20T12:00:00+08:00 npm run build` reproduces a build exactly.
 */
import { Temporal } from 'temporal-polyfill';
import { dateTimeProblem } from '../model/schema.ts';
import { inShanghai, monthOf, parseDateTime } from '../model/time.ts';

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

let cached: Temporal.Instant | undefined;

/** The build's "now", read once per build so that every page agrees on it. */
export function buildNow(): Temporal.Instant {
  cached ??= resolveNow(process.env);
  return cached;
}

/** `2026-10`: the Beijing month of an instant. */
export function currentMonth(now: Temporal.Instant): string {
  return monthOf(now);
}

/** The Beijing calendar day of an instant. */
export function today(now: Temporal.Instant): Temporal.PlainDate {
  return inShanghai(now).toPlainDate();
}
