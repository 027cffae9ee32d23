/** /calendar/<person>.ics: a person's own report deadlines and the standing meetings. */
import type { APIContext, GetStaticPaths } from 'astro';
import { personFeed } from '../../site/feeds.ts';
import { feedResponse, feedSource } from './_feeds.ts';

export const getStaticPaths = (async () => {
  const { source } = await feedSource();
  return source.content.people.map((p) => ({ params: { person: p.id } }));
}) satisfies GetStaticPaths;

export async function GET({ params, site }: APIContext) {
  const { source, all } = await feedSource();
  const person = source.content.people.find((p) => p.id === params.person)!;
  return feedResponse(`${person.name}的截止时间`, personFeed(all, person.id), site, source);
}
