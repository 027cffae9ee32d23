/** What every calendar feed of a build is made from, gathered once (not a route: leading underscore). */
import { calendarFeed } from '../../deadlines/ics.ts';
import type { Deadline } from '../../deadlines/deadlines.ts';
import { SITE_NAME } from '../../consts.ts';
import { feedDeadlines } from '../../site/feeds.ts';
import { perBuild } from '../../site/per-build.ts';
import { complianceSource, type ComplianceSource } from '../manage/compliance/_source.ts';

export const feedSource: () => Promise<{ source: ComplianceSource; all: Deadline[] }> = perBuild(() =>
  complianceSource().then((source) => ({
    source,
    all: feedDeadlines(source.content, source.asOf, { sightings: source.sightings }),
  })),
);

/** The response for one feed. */
export function feedResponse(
  title: string,
  deadlines: readonly Deadline[],
  site: URL | undefined,
  source: ComplianceSource,
) {
  const names = new Map(source.content.people.map((p) => [p.id, p.name]));
  const text = calendarFeed({
    name: `${SITE_NAME} · ${title}`,
    deadlines,
    site: (site ?? new URL('http://127.0.0.1:4321')).origin,
    names,
  });
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
