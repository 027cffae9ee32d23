/** /calendar/<person>.ics: a person's own report deadlines and the standing meetings. */
import type { APIContext, GetStaticPaths } from 'astro';
import { personFeed } from '../../site/feeds.ts';
import { feedKey, feedResponse, feedSource, type Feed } from './_feeds.ts';

export const getStaticPaths = (async () => {
  const { source, all } = await feedSource();
  return source.content.people.map((p) => {
    const feed: Feed = { title: `${p.name}的截止时间`, deadlines: personFeed(all, p.id) };
    return { params: { person: p.id }, props: { feed }, cacheKey: feedKey(feed, source) };
  });
}) satisfies GetStaticPaths;

export async function GET({ props }: APIContext<{ feed: Feed }>) {
  const { source } = await feedSource();
  return feedResponse(props.feed, source);
}
