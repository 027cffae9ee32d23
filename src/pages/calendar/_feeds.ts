/**
 * What every calendar feed of a build is made from, gathered once (not a route: leading underscore): every
 * deadline of the feeds' span, and each feed's deadlines and cache key. A feed is its title, the portal's
 * address, the events calendarFeed writes (src/deadlines/ics.ts feedEventParts) and the roster's names.
 */
import { calendarFeed, feedEventParts } from '../../deadlines/ics.ts';
import type { Deadline } from '../../deadlines/deadlines.ts';
import { SITE_NAME } from '../../consts.ts';
import { viewKey } from '../../site/cache-key.ts';
import { feedDeadlines } from '../../site/feeds.ts';
import { perBuild } from '../../site/per-build.ts';
import { SITE_ORIGIN } from '../../site/origin.ts';
import { complianceSource, type ComplianceSource } from '../manage/compliance/_source.ts';

export interface Feed {
  title: string;
  deadlines: readonly Deadline[];
}

export const feedSource: () => Promise<{ source: ComplianceSource; all: Deadline[] }> = perBuild(() =>
  complianceSource().then((source) => ({
    source,
    all: feedDeadlines(source.content, source.asOf, {
      sightings: source.sightings,
      exportOf: source.exportOf,
    }),
  })),
);

/** The cache key of a feed: what its file shows. */
export function feedKey(feed: Feed, source: ComplianceSource): string {
  return viewKey(source.shared, 'ics', feed.title, SITE_ORIGIN, feedEventParts(feed.deadlines));
}

/** The response for one feed. */
export function feedResponse({ title, deadlines }: Feed, source: ComplianceSource) {
  const names = new Map(source.content.people.map((p) => [p.id, p.name]));
  const text = calendarFeed({ name: `${SITE_NAME} · ${title}`, deadlines, site: SITE_ORIGIN, names });
  return new Response(text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}
