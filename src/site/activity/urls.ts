/**
 * Addresses of the activity pages (managers only, under /manage/: the web server restricts that prefix) and
 * of the 及时性公示 (all staff, deliberately outside /manage/: it holds no sales figures).
 */
const base = '/manage/activity/';
const publicBase = '/timeliness/';

export const activityUrls = {
  index: () => base,
  /** `/manage/activity/2026-11/`. */
  month: (month: string) => `${base}${month}/`,
  /** `/manage/activity/2026-11.json` or `.csv`: the activity part of `npm run compliance`. */
  download: (month: string, format: 'json' | 'csv') => `${base}${month}.${format}`,
} as const;

export const timelinessUrls = {
  /** The latest month. */
  index: () => publicBase,
  /** `/timeliness/2026-11/`. */
  month: (month: string) => `${publicBase}${month}/`,
} as const;
