/** /calendar/regions/<region>.ics: the region's people's deadlines, its monthly minimums, the standing meetings. */
import type { APIContext, GetStaticPaths } from 'astro';
import { regionFeed } from '../../../site/feeds.ts';
import { feedResponse, feedSource } from '../_feeds.ts';

export const getStaticPaths = (async () => {
  const { source } = await feedSource();
  return source.content.regions.map((r) => ({ params: { region: r.id } }));
}) satisfies GetStaticPaths;

export async function GET({ params, site }: APIContext) {
  const { source, all } = await feedSource();
  const region = source.content.regions.find((r) => r.id === params.region)!;
  return feedResponse(`${region.name}的截止时间`, regionFeed(all, region.id, source.content), site, source);
}
