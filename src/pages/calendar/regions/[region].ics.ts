/** /calendar/regions/<region>.ics: the region's people's deadlines, its monthly minimums, the standing meetings. */
import type { APIContext, GetStaticPaths } from 'astro';
import { regionFeed } from '../../../site/feeds.ts';
import { feedKey, feedResponse, feedSource, type Feed } from '../_feeds.ts';

export const getStaticPaths = (async () => {
  const { source, all } = await feedSource();
  return source.content.regions.map((r) => {
    const feed: Feed = { title: `${r.name}的截止时间`, deadlines: regionFeed(all, r.id, source.content) };
    return { params: { region: r.id }, props: { feed }, cacheKey: feedKey(feed, source) };
  });
}) satisfies GetStaticPaths;

export async function GET({ props }: APIContext<{ feed: Feed }>) {
  const { source } = await feedSource();
  return feedResponse(props.feed, source);
}
