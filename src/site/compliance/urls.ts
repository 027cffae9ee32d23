/** Addresses of the compliance pages and downloads, all under /manage/ (the web server restricts it to managers). */
const base = '/manage/compliance/';

export const complianceUrls = {
  index: () => base,
  /** `/manage/compliance/east/`. */
  region: (id: string) => `${base}${encodeURIComponent(id)}/`,
  /** `/manage/compliance/2026-10/`. */
  month: (month: string) => `${base}${month}/`,
  /** `/manage/compliance/2026-10.json` or `.csv`: the same bytes as `npm run compliance`. */
  download: (month: string, format: 'json' | 'csv') => `${base}${month}.${format}`,
} as const;
