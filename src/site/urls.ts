/** Every URL the portal links to, in one place, with the trailing slash the site is built with. */

const segment = (id: string) => encodeURIComponent(id);

export const urls = {
  home: () => '/',
  issues: () => '/issues/',
  /** `/issues/2026-10/`. */
  issue: (month: string) => `/issues/${segment(month)}/`,
  article: (id: string) => `/articles/${segment(id)}/`,
  regions: () => '/regions/',
  region: (id: string) => `/regions/${segment(id)}/`,
  meetings: () => '/meetings/',
  meeting: (id: string) => `/meetings/${segment(id)}/`,
  manage: () => '/manage/',
  /** Reports live under /manage/ only: the web server restricts that prefix to managers. */
  reports: () => '/manage/reports/',
  report: (id: string) => `/manage/reports/${segment(id)}/`,
  rss: () => '/rss.xml',
  /** Calendar feeds (iCalendar) of deadlines and standing meetings: a person's, a region's, the department's. */
  personCalendar: (id: string) => `/calendar/${segment(id)}.ics`,
  regionCalendar: (id: string) => `/calendar/regions/${segment(id)}.ics`,
  departmentCalendar: () => '/calendar/department.ics',
  /** Searches articles and minutes. */
  search: () => '/search/',
  /** Searches everything, reports too: under /manage/ like the managers' index it reads. */
  manageSearch: () => '/manage/search/',
} as const;

/**
 * Whether a navigation link is the section a page belongs to: the home link only on the home page, every
 * other link on its own page and below it.
 */
export function isCurrentSection(pathname: string, href: string): boolean {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return href === '/' ? path === '/' : path.startsWith(href);
}
