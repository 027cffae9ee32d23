/**
 * Size limits of content files, as policy data: the loader, the field tables and the docs read them from here.
 *
 * Why these numbers: the longest real 内刊 article or memo is a few thousand characters and a year of the roster
 * is tens of kilobytes, while a 20 MB body once took a build from 1 min 20 s to 6 min at 1.9 GB and made a 20 MB
 * issue page. The limits leave a wide margin above honest use and keep any one file from costing the build (or
 * the reader's phone) more than a normal page does.
 */

/** Largest submission file (front matter and body), in bytes; checked before the file is read or parsed. */
export const SUBMISSION_FILE_MAX_BYTES = 256 * 1024;

/** Largest org/ file (regions, roster, calendar): a roster of a few thousand people still fits. */
export const ORG_FILE_MAX_BYTES = 1024 * 1024;

/**
 * Longest body of a submission, in characters (Unicode code points): about 15 times a long article. 60,000
 * Chinese characters are about 180 KB in UTF-8, so the body limit, not the file limit, is what an author meets.
 */
export const BODY_MAX_CHARS = 60_000;

/** Longest title of an article or a meeting, in characters: one line in the table of contents. */
export const TITLE_MAX_CHARS = 80;

/**
 * The most a work-log row may count in one day (R16: figures must be believable). Policy data: a rep who makes
 * 50 effective visits or 2,000 calls in a day has typed a figure wrong, and the build says so rather than count it.
 */
export const ACTIVITY_LIMITS = {
  visits: 50,
  calls: 2000,
  intents: 500,
  leads: 1000,
  posts: 500,
} as const;

/** "256 KiB", "1 MiB" or "300 B": sizes in reports and docs. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} B`;
}
